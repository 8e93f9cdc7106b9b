import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * The audit chain is sealed apart from the request that records the event (ADR 23). A request adds
 * its event and a line in `audit_unsealed`, and takes no lock; the sealer gives waiting events their
 * place in their authority's chain and their hashes in `audit_seal`, append-only like the events.
 * The links made so far move from the event's own columns into `audit_seal`, unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table audit_seal (
      chain text not null,
      chain_seq bigint not null,
      event_id bigint not null unique references audit_event (id),
      previous_hash text not null,
      hash text not null,
      primary key (chain, chain_seq)
    )`,
    `insert into audit_seal (chain, chain_seq, event_id, previous_hash, hash)
      select chain, chain_seq, id, previous_hash, hash from audit_event where chain is not null order by chain, chain_seq`,
    `create trigger audit_seal_append_only before update or delete on audit_seal
      for each row execute function audit_event_refuse_change()`,
    `create trigger audit_seal_no_truncate before truncate on audit_seal
      for each statement execute function audit_event_refuse_change()`,
    `create table audit_unsealed (
      event_id bigint primary key references audit_event (id),
      chain text not null
    )`,
    `create index audit_unsealed_chain on audit_unsealed (chain, event_id)`,
    `drop index audit_event_chain_link`,
    `alter table audit_event drop column chain`,
    `alter table audit_event drop column chain_seq`,
    `alter table audit_event drop column previous_hash`,
    `alter table audit_event drop column hash`,
  ])
}
