import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * Names found whichever way they are typed: "Lucia Fernandez" finds "Lucía Fernández", and the
 * other way round. `fold_for_search` lowers a name and takes off its accents (a letter and its
 * marks are split apart, NFKD, and the marks dropped; the letters that do not split, such as ø, ł
 * and æ, are spelled plainly), and turns hyphens and apostrophes into spaces, so each part of a
 * name is a word. It is declared immutable, so the database keeps each person's folded names in
 * generated columns, filled for everyone already recorded when the columns are added, and kept
 * true on every insert and update whoever writes the row: no code can forget them. Both sides of a
 * search are folded by this one function, on PostgreSQL and PGlite alike.
 *
 * A search always names a date of birth or a case system ID (issue 8, item 9), so the index it
 * needs is on those; no trigram index is needed while a name alone finds nobody.
 *
 * Forms that edit shared state carry the version they were opened on, so a save made meanwhile is
 * never overwritten without a word (as Section 1 is, ADR 6): a week's register has a version, and
 * who saved it last; an authority's settings have a version of their own, a row beside the
 * settings (`settingsVersion`), which now says who saved it. (Module completion needs no column:
 * its page carries a digest of the completions it showed.)
 */
const FOLD = `create function fold_for_search(value text) returns text
  language sql immutable strict parallel safe
  return btrim(regexp_replace(
    replace(replace(replace(replace(replace(replace(replace(replace(
      translate(
        lower(regexp_replace(normalize(value, NFKD), '[\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f]', '', 'g')),
        'ØøŁłĐđÐðĦħıŦŧ', 'oollddddhhitt'),
      'Æ', 'ae'), 'æ', 'ae'), 'Œ', 'oe'), 'œ', 'oe'), 'ẞ', 'ss'), 'ß', 'ss'), 'Þ', 'th'), 'þ', 'th'),
    '[-[:space:]''\`.,\\u2010-\\u2015\\u2018\\u2019\\u02bc]+', ' ', 'g'))`

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    FOLD,
    `alter table person add column given_name_folded text generated always as (fold_for_search(given_name)) stored`,
    `alter table person add column family_name_folded text generated always as (fold_for_search(family_name)) stored`,
    `drop index person_name`,
    `create index person_folded_name on person (authority_id, family_name_folded, given_name_folded)`,
    `create index person_date_of_birth on person (authority_id, date_of_birth)`,

    `alter table training_session add column version integer not null default 1`,
    `alter table training_session add column updated_by uuid references app_user (id)`,
    `alter table training_session add column updated_at timestamptz`,
    `alter table authority_setting add column updated_by uuid references app_user (id)`,
  ])
}
