import type { WorktrayFilters } from './filters.ts'

/** GOV.UK pagination for a list: the first and last pages, two either side of this one, gaps as ellipses. */
export function pagination(path: string, filters: WorktrayFilters, pages: number) {
  const href = (page: number) => {
    const query = new URLSearchParams()
    if (filters.step) query.set('step', filters.step)
    if (filters.due) query.set('due', filters.due)
    query.set('page', String(page))
    return `${path}?${query}`
  }
  if (pages <= 1) return null
  return {
    previous: filters.page > 1 ? { href: href(filters.page - 1) } : undefined,
    next: filters.page < pages ? { href: href(filters.page + 1) } : undefined,
    items: Array.from({ length: pages }, (_, index) => index + 1)
      .filter((page) => page === 1 || page === pages || Math.abs(page - filters.page) <= 2)
      .flatMap((page, index, shown) => [
        ...(index > 0 && page - (shown[index - 1] ?? page) > 1 ? [{ ellipsis: true }] : []),
        { number: page, href: href(page), current: page === filters.page },
      ]),
  }
}
