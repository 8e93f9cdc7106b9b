import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * A tamper-evident audit trail. Each event carries its place in its authority's chain and a hash of
 * its content joined to the hash before it, so a changed, removed or inserted event breaks the chain
 * at that link (`npm run audit:verify`). `audit_chain` holds each chain's head: appending locks it,
 * so a chain never forks. Events recorded before this migration are outside any chain.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table audit_event add column chain text`,
    `alter table audit_event add column chain_seq bigint`,
    `alter table audit_event add column previous_hash text`,
    `alter table audit_event add column hash text`,
    `create unique index audit_event_chain_link on audit_event (chain, chain_seq)`,
    `create table audit_chain (
      chain text primary key,
      last_seq bigint not null,
      last_hash text not null
    )`,
  ])
}
