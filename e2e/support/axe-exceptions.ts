/**
 * Rules axe is told not to apply, each with its reason. Keep this list empty unless a rule is
 * wrong for a reason outside our control; never use it to hide a real problem.
 */
export const axeExceptions: readonly { rule: string; reason: string }[] = []
