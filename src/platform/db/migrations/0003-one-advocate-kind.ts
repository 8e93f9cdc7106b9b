import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * One spelling for the kind of advocate. The decision and the review said `peer_parent_advocate`
 * where the advocate pool said `parent_peer_advocate`, with hand translations between them; every
 * table now stores the pool's word, and the labels read "Parent peer advocate" everywhere.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const kinds = "('parent_peer_advocate', 'professional_advocate', 'specialist_local_service')"
  await runStatements(db, [
    'alter table decision drop constraint decision_advocate_type_check',
    "update decision set advocate_type = 'parent_peer_advocate' where advocate_type = 'peer_parent_advocate'",
    `alter table decision add constraint decision_advocate_type_check check (advocate_type in ${kinds})`,
    'alter table review drop constraint review_advocate_type_check',
    "update review set advocate_type = 'parent_peer_advocate' where advocate_type = 'peer_parent_advocate'",
    `alter table review add constraint review_advocate_type_check check (advocate_type in ${kinds})`,
  ])
}
