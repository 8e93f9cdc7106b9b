import assert from 'node:assert/strict'
import { dirname, join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import nunjucks from 'nunjucks'
import { fieldError } from '../../platform/http/view-filters.ts'

/** The local components follow GOV.UK Frontend's contract: a macro calling a template, text escaped, classes and attributes passed on. */
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([join(root, 'src'), join(root, 'node_modules/govuk-frontend/dist')]), { autoescape: true })
env.addFilter('fieldError', fieldError)

function render(template: string, context: Record<string, unknown> = {}): string {
  return env.renderString(template, context)
}

describe('local components', () => {
  test('appDateInput names its boxes from the field, fills them, and shows its error', () => {
    const html = render(
      '{% from "views/components/app-date-input/macro.njk" import appDateInput %}{{ appDateInput({ name: "meetingDate", legend: "Date of the <meeting>", values: values, errors: errors }) }}',
      {
        values: { 'meetingDate-day': '3', 'meetingDate-month': '12', 'meetingDate-year': '2026' },
        errors: [{ field: 'meetingDate', message: 'Enter a real date' }],
      },
    )
    assert.match(html, /name="meetingDate-day"[^>]*value="3"|value="3"[^>]*name="meetingDate-day"/)
    assert.match(html, /name="meetingDate-year"/)
    assert.match(html, /Date of the &lt;meeting&gt;/, 'text is escaped')
    assert.match(html, /govuk-error-message[\s\S]*Enter a real date/)
    assert.match(html, /govuk-input--error/)
  })

  test('appSignOut shows who is signed in and posts with the form token', () => {
    const html = render(
      '{% from "views/components/app-sign-out/macro.njk" import appSignOut %}{{ appSignOut({ user: { displayName: "Ada <Admin>" }, csrfToken: "t0ken", classes: "extra" }) }}',
    )
    assert.match(html, /class="app-sign-out extra"/)
    assert.match(html, /Ada &lt;Admin&gt;/)
    assert.match(html, /<form method="post" action="\/sign-out"/)
    assert.match(html, /name="_csrf" value="t0ken"/)
  })

  test('appFooter lists its links, with classes and attributes passed on', () => {
    const html = render(
      '{% from "views/components/app-footer/macro.njk" import appFooter %}{{ appFooter({ items: [{ href: "/privacy", text: "Privacy & cookies" }], classes: "x", attributes: { "data-test": "footer" } }) }}',
    )
    assert.match(html, /<footer class="govuk-footer x" data-test="footer">/)
    assert.match(html, /href="\/privacy">Privacy &amp; cookies</)
  })
})
