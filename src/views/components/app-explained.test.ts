import assert from 'node:assert/strict'
import { dirname, join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import nunjucks from 'nunjucks'
import { parseDocument, textOf } from '../../../test/support/browser.ts'
import { createExplainer } from '../../platform/i18n/glossary.ts'
import { createTranslations } from '../../platform/i18n/translations.ts'

/** appExplained: a family's sentence with each glossary word explained where it first appears, without JavaScript. */
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([join(root, 'src'), join(root, 'node_modules/govuk-frontend/dist')]), { autoescape: true })
const translations = createTranslations()

function render(template: string, context: Record<string, unknown>): string {
  return env.renderString(`{% from "views/components/app-explained/macro.njk" import appExplained %}${template}`, context)
}

describe('appExplained', () => {
  test('marks each glossary word and follows the paragraph with its explanation, never inside it', () => {
    const explain = createExplainer(translations.translator('en').glossary)
    const html = render(
      '{{ appExplained({ text: first, explain: explain }) }}{{ appExplained({ text: second, explain: explain, classes: "govuk-!-font-weight-bold" }) }}',
      {
        explain,
        first: 'Your core group meets after the initial child protection conference.',
        second: 'The core group will look at the child protection plan.',
      },
    )
    const document = parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`)
    assert.equal(document.querySelectorAll('p details, p div, p summary').length, 0, 'a paragraph holds only phrasing content')
    const paragraphs = [...document.querySelectorAll('p.govuk-body')]
    assert.deepEqual(
      paragraphs.map((paragraph) => paragraph.textContent),
      ['Your core group meets after the initial child protection conference.', 'The core group will look at the child protection plan.'],
    )
    assert.equal(paragraphs[1]?.getAttribute('class'), 'govuk-body govuk-!-font-weight-bold')
    assert.deepEqual(
      [...document.querySelectorAll('.app-glossary-term')].map((term) => textOf(term)),
      ['core group', 'initial child protection conference', 'child protection plan'],
      'the second “core group” is not explained again',
    )
    const details = [...document.querySelectorAll('details.govuk-details')]
    assert.deepEqual(
      details.map((element) => textOf(element.querySelector('.govuk-details__summary-text'))),
      ['What “core group” means', 'What “initial child protection conference” means', 'What “child protection plan” means'],
    )
    assert.equal(details[0]?.previousElementSibling?.tagName, 'P', 'the explanation follows the sentence that uses the word')
    assert.match(textOf(details[0]?.querySelector('.govuk-details__text')), /^The core group is you, your social worker/)
  })

  test('escapes everything in the sentence, glossary words and all', () => {
    const explain = createExplainer(translations.translator('en').glossary)
    const html = render('{{ appExplained({ text: text, explain: explain }) }}', {
      explain,
      text: '<script>alert(1)</script> your advocate & <b>core group</b>',
    })
    assert.ok(!html.includes('<script>'))
    assert.ok(!html.includes('<b>'))
    assert.match(
      html,
      /&lt;script&gt;alert\(1\)&lt;\/script&gt; your <span class="app-glossary-term">advocate<\/span> &amp; &lt;b&gt;<span class="app-glossary-term">core group<\/span>&lt;\/b&gt;/,
    )
  })

  test('in a list item, the explanation sits inside the item', () => {
    const explain = createExplainer(translations.translator('es').glossary)
    const html = render('<ul>{{ appExplained({ text: text, explain: explain, tag: "li", attributes: { lang: "es" } }) }}</ul>', {
      explain,
      text: 'Puede pedir un intérprete.',
    })
    const document = parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`)
    const item = document.querySelector('ul > li')
    assert.equal(item?.getAttribute('lang'), 'es')
    assert.equal(textOf(item?.querySelector('summary')), 'Qué significa «intérprete»')
    assert.equal(document.querySelectorAll('ul > details').length, 0)
  })

  test('in Arabic, with the joined letters kept in the marked word and the explanation named by the glossary word', () => {
    const explain = createExplainer(translations.translator('ar').glossary)
    const html = render('{{ appExplained({ text: text, explain: explain }) }}', { explain, text: 'سيحضر مناصرك الاجتماع.' })
    const document = parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`)
    assert.equal(textOf(document.querySelector('.app-glossary-term')), 'مناصرك')
    assert.equal(textOf(document.querySelector('summary')), 'ما معنى «المناصر»', 'named by the glossary word, not "your advocate"')
  })

  test('without an explainer (a staff page), the sentence is shown as it is', () => {
    const html = render('{{ appExplained({ text: "Your advocate <calls>", tag: "none" }) }}', {})
    assert.equal(html.trim(), 'Your advocate &lt;calls&gt;')
  })
})

describe('appPlainLanguage', () => {
  test('shows the reading age against the target and each flag with its suggestion, escaped', async () => {
    const { checkPlainLanguage } = await import('../../platform/i18n/plain-language.ts')
    const check = checkPlainLanguage(
      `The local authority will facilitate a multi-agency strategy discussion prior to the initial child protection conference in order to ensure <b>all</b> relevant professionals participate.`,
      { glossary: translations.translator('en').glossary },
    )
    const html = env.renderString(
      '{% from "views/components/app-plain-language/macro.njk" import appPlainLanguage %}{{ appPlainLanguage({ check: check, target: 11, headingLevel: 3 }) }}',
      { check },
    )
    const document = parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`)
    assert.equal(textOf(document.querySelector('h3#plain-language')), 'Plain language')
    assert.match(textOf(document.querySelector('.govuk-warning-text')), /reads above a reading age of 11/)
    assert.match(textOf(document.querySelector('.govuk-summary-list')), /Reading age \d+ \(the target is 11 or under\)/)
    assert.deepEqual(
      [...document.querySelectorAll('h4')].map((heading) => textOf(heading)),
      ['Long sentences', 'Words with a plainer one', 'Words families can open an explanation of'],
    )
    assert.ok(html.includes('&lt;b&gt;all&lt;/b&gt;'), 'the writer’s words are escaped')
    assert.match(textOf(document.body), /Try “the council” instead of “local authority”/)
  })
})
