import assert from 'node:assert/strict'
import { dirname, join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import nunjucks from 'nunjucks'
import { parseDocument } from '../../../test/support/browser.ts'
import { labelledCells } from '../../platform/http/view-filters.ts'

/** Issue 8, item 19: a table whose cells say which column they are, for the stacked layout of a narrow screen. */
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([join(root, 'src'), join(root, 'node_modules/govuk-frontend/dist')]), { autoescape: true })
env.addFilter('labelledCells', labelledCells)

describe('appTable', () => {
  test('is a GOV.UK table whose every body cell carries its column’s header as data-label', () => {
    const html = env.renderString(
      '{% from "views/components/app-table/macro.njk" import appTable %}{{ appTable({ caption: "Bank holidays", classes: "extra", head: [{ text: "Date" }, { text: "<Name>" }, { html: "<span>Action</span>", label: "" }], rows: [[{ text: "1 Jan" }, { text: "New Year" }, { html: "<a href=\'#\'>Remove</a>", attributes: { "data-x": "y" } }]] }) }}',
      {},
    )
    const document = parseDocument(html)
    assert.equal(document.querySelector('table')?.getAttribute('class'), 'govuk-table extra')
    const cells = [...document.querySelectorAll('tbody td')]
    assert.deepEqual(
      cells.map((cell) => cell.getAttribute('data-label')),
      ['Date', '<Name>', ''],
    )
    assert.equal(cells[2]?.getAttribute('data-x'), 'y', 'a cell’s own attributes are kept')
    assert.match(html, /data-label="&lt;Name&gt;"/, 'escaped')
  })

  test('labelledCells leaves anything that is not a table as it is', () => {
    assert.equal(labelledCells(undefined), undefined)
    assert.deepEqual(labelledCells({ rows: [null, [null]] }), { rows: [null, [null]] })
  })
})
