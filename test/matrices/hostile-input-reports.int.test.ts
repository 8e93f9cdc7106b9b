import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { engine } from '../support/database.ts'
import { openFixture, type Fixture } from '../support/fixture.ts'
import { SCRIPT, shapes } from '../support/hostile.ts'
import { hostileInputMatrix } from '../support/hostile-matrix.ts'
import { isServicePage } from '../support/workflow-steps.ts'
import type { FormValue } from '../support/browser.ts'

hostileInputMatrix('reports', "the reports' narrative, and the advocacy service's themes and coding of families' words")

/**
 * The list behind a figure takes what it is asked for in its address, not a form: each of the
 * matrix's shapes, in each of its parameters in turn, as the service manager (ADR 0032).
 */
describe(`hostile input in the address of the referrals behind a figure (${engine})`, () => {
  let fixture: Fixture
  before(async () => {
    fixture = await openFixture()
  })
  after(async () => fixture.close())

  const valid: Record<string, string> = { figure: 'timeliness.late', period: 'quarter', quarter: '2026-Q2', page: '1' }

  test('each shape in each parameter: a 200 or a 400 with the service’s page, never a 500, nothing shown unescaped', async () => {
    const manager = await fixture.as('manager')
    const problems: string[] = []
    for (const name of Object.keys(valid)) {
      for (const shape of shapes) {
        const values: Record<string, FormValue> = { ...valid, [name]: shape.value(valid[name] ?? '') }
        const query = new URLSearchParams()
        for (const [key, value] of Object.entries(values)) {
          if (value === undefined) continue
          for (const one of Array.isArray(value) ? value : [value]) query.append(key, String(one))
        }
        const page = await manager.get(`/reports/referrals?${query}`)
        const what = `${name}: ${shape.label}: ${page.status}`
        if (![200, 400].includes(page.status) || !isServicePage(page)) problems.push(what)
        if (page.status === 400 && !page.html.includes('govuk-error-summary')) problems.push(`${what}, with no error summary`)
        if (page.html.includes(SCRIPT)) problems.push(`${what}, with the script shown unescaped`)
      }
    }
    assert.deepEqual(problems, [])
  })
})
