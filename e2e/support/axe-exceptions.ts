import type { CheckResult, NodeResult } from 'axe-core'

/**
 * Rules axe is told not to apply, each with its reason. Keep this list empty unless a rule is
 * wrong for a reason outside our control; never use it to hide a real problem.
 */
export const axeExceptions: readonly { rule: string; reason: string }[] = []

/**
 * Narrower than a rule: one kind of failure on one kind of element, let through with its reason.
 * `covers` must match only that failure; anything else the rule finds still fails the test.
 */
export interface AxeNodeException {
  readonly rule: string
  readonly reason: string
  readonly covers: (node: NodeResult) => boolean
}

/** The attributes a failing aria-allowed-attr check names, as `name="value"`. */
function disallowedAttributes(check: CheckResult): string[] {
  const data: unknown = check.data
  const values = data && typeof data === 'object' && 'values' in data ? data.values : data
  return Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : []
}

export const axeNodeExceptions: readonly AxeNodeException[] = [
  {
    rule: 'aria-allowed-attr',
    reason:
      "GOV.UK Frontend's radios script puts aria-expanded on a radio that reveals a conditional question. " +
      'ARIA 1.2 does not list it for role=radio, but the GOV.UK Design System keeps it on purpose, because screen ' +
      'readers announce it and research found no harm: alphagov/govuk-frontend#979, a documented known issue ' +
      '(#1280). Only aria-expanded, on a GOV.UK radio, is let through: any other attribute still fails.',
    covers: (node) => {
      const failing = [...node.all, ...node.none]
      return (
        /^<input\b[^>]*\bclass="govuk-radios__input\b/.test(node.html) &&
        failing.length > 0 &&
        failing.every((check) => {
          const attributes = disallowedAttributes(check)
          return check.id === 'aria-allowed-attr' && attributes.length > 0 && attributes.every((attribute) => /^aria-expanded="(true|false)"$/.test(attribute))
        })
      )
    },
  },
]
