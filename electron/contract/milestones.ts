/** Which milestone a report answers to; shared by the core (the review drawer) and the report form. Pure. */

/**
 * The milestone a report for a period (YYYY-MM) answers to: the first one due in that month or later;
 * after the last milestone, the last one (a late report still answers to it). None without milestones.
 */
export function milestoneForPeriod<M extends { dueOn: string }>(milestones: readonly M[], period: string): M | null {
  const sorted = [...milestones].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
  return sorted.find((m) => m.dueOn >= `${period}-01`) ?? sorted.at(-1) ?? null
}
