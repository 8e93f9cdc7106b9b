import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkedValues, errorSummary, errorSummaryLinks, fieldError, fieldValue, formToken, heading, summaryValue, tableRows, textOf } from './browser.ts'

const page = `<!DOCTYPE html><html><body>
<div class="govuk-error-summary"><h2>There is a problem</h2><ul class="govuk-list govuk-error-summary__list">
<li><a href="#reason">Enter the reason for the referral</a></li><li><a href="#consentDate-day">Enter the date &amp; time</a></li></ul></div>
<h1 class="govuk-heading-l">Section 1 <span>draft</span></h1>
<p id="reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter the reason for the referral</p>
<dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Name</dt><dd class="govuk-summary-list__value">Lucía   Fernández</dd></div></dl>
<table><caption>Waiting</caption><tbody><tr><th>A-1</th><td>Due <b>today</b></td></tr></tbody></table>
<table><caption>Other</caption><tbody><tr><td>B-2</td></tr></tbody></table>
<script>var hidden = 'not text'</script>
</body></html>`

describe('reading a page as a person would', () => {
  it('reads the error summary, its links and a field’s own message', () => {
    assert.deepEqual(errorSummary(page), ['Enter the reason for the referral', 'Enter the date & time'])
    assert.deepEqual(errorSummaryLinks(page), ['#reason', '#consentDate-day'])
    assert.equal(fieldError(page, 'reason'), 'Enter the reason for the referral')
    assert.equal(fieldError(page, 'consentDate'), '')
  })

  it('reads headings, summary lists and tables, with spaces collapsed and no script text', () => {
    assert.equal(heading(page), 'Section 1 draft')
    assert.equal(summaryValue(page, 'Name'), 'Lucía Fernández')
    assert.equal(summaryValue(page, 'Missing'), undefined)
    assert.deepEqual(tableRows(page, 'Waiting'), [['A-1', 'Due today']])
    assert.deepEqual(tableRows(page), [['A-1', 'Due today'], ['B-2']])
    assert.ok(!textOf(page).includes('not text'))
  })

  it('reads what a form holds: a text area, an input, a choice, and the boxes ticked', () => {
    const form = `<form><textarea name="reason">
Typed &lt;here&gt;</textarea><input name="venue" value="Town &amp; Hall"><input type="radio" name="agreed" value="yes" checked>
<input type="radio" name="agreed" value="no"><input type="checkbox" name="days" value="mon" checked><input type="checkbox" name="days" value="tue">
<select name="region"><option value="a">A</option><option value="b" selected>B</option></select></form>`
    assert.equal(fieldValue(form, 'reason'), 'Typed <here>')
    assert.equal(fieldValue(form, 'venue'), 'Town & Hall')
    assert.equal(fieldValue(form, 'region'), 'b')
    assert.equal(fieldValue(form, 'agreed'), undefined)
    assert.deepEqual(checkedValues(form, 'agreed'), ['yes'])
    assert.deepEqual(checkedValues(form, 'days'), ['mon'])
  })

  it('reads the first form token on the page, as its parsed field gives it', () => {
    const signOut = '<form action="/sign-out"><input type="hidden" name="_csrf" value="first-token_1"></form>'
    const second = '<form><input value="second" name="_csrf" type="hidden"></form>'
    assert.equal(formToken(`<p>No form</p>`), undefined)
    assert.equal(formToken(`<p>&lt;input name="_csrf" value="shown"&gt;</p>${signOut}${second}`), 'first-token_1')
    assert.equal(formToken(second), 'second')
    assert.equal(formToken('<input name="_csrf" value="a&amp;b">'), 'a&b')
    assert.equal(formToken('<input name="_csrf">'), '')
  })
})
