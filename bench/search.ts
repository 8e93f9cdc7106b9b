/**
 * Name search at scale (issue 9): people search in the authority with the most people on the
 * dataset, for someone whose whole name is the rarest there, and for someone with the commonest
 * family name: each by their whole name and date of birth, as a referrer searches before adding a
 * person. Prints the median and the worst of many searches, through the people repository.
 */
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { searchPeople, type PersonSearch } from '../src/features/people/repository.ts'
import { describePlace, onDatasetFromEnvironment } from './generate/datasets.ts'
import { scales } from './generate/scales.ts'

const SEARCHES = 50

export async function benchSearch(): Promise<void> {
  await onDatasetFromEnvironment(async (database, place) => {
    const { scale } = place
    const { db } = database
    const authority = await db
      .selectFrom('person')
      .select(['authority_id', (eb) => eb.fn.countAll<number>().as('people')])
      .groupBy('authority_id')
      .orderBy('people', 'desc')
      .executeTakeFirstOrThrow()
    const someone = (order: 'rarest' | 'commonest') =>
      sql<{ given_name: string; family_name: string; date_of_birth: string; n: number }>`
      select p.given_name, p.family_name, p.date_of_birth::text as date_of_birth, c.n from person p
      join (select ${order === 'rarest' ? sql`given_name, family_name` : sql`null::text as given_name, family_name`}, count(*)::int as n
            from person where authority_id = ${authority.authority_id} and kind = 'adult' group by 1, 2) c
        on ${order === 'rarest' ? sql`c.given_name = p.given_name and` : sql``} c.family_name = p.family_name
      where p.authority_id = ${authority.authority_id} and p.kind = 'adult' and p.date_of_birth is not null
      order by c.n ${order === 'rarest' ? sql`asc` : sql`desc`}, p.id limit 1`.execute(db)
    console.log(`\nName search, in the authority with the most people (${Number(authority.people).toLocaleString('en-GB')}), ${SEARCHES} searches each`)
    console.log(`  dataset: ${scales[scale].description}; database: ${describePlace(place)}`)
    for (const order of ['rarest', 'commonest'] as const) {
      const person = (await someone(order)).rows[0]
      if (!person) continue
      const search: PersonSearch = { by: 'name', givenName: person.given_name, familyName: person.family_name, dateOfBirth: person.date_of_birth }
      await searchPeople(db, authority.authority_id, search, 'adult', 20)
      const times: number[] = []
      let found = 0
      for (let index = 0; index < SEARCHES; index += 1) {
        const began = performance.now()
        found = (await searchPeople(db, authority.authority_id, search, 'adult', 20)).length
        times.push(performance.now() - began)
      }
      times.sort((a, b) => a - b)
      const what = order === 'rarest' ? `the rarest whole name (${person.n} with it)` : `the commonest family name (${person.n} with it)`
      console.log(
        `  ${what}, with a date of birth: ${found} found; median ${(times[Math.floor(SEARCHES / 2)] ?? 0).toFixed(2)} ms, worst ${(times[SEARCHES - 1] ?? 0).toFixed(2)} ms`,
      )
    }
    console.log('  aim: a rare name in the large authority in 10 ms or less')
  })
}
