import type { Sighting } from '../../platform/audit/audit.ts'
import { events, type WorkflowEvent } from './workflow.ts'

/**
 * @pure
 *
 * "Who has seen this record", in words: what someone did that showed them the record, from its
 * audit event. A referral's page says "Opened it"; a person's page names the referral when the
 * event was about one of theirs ("Opened referral AL-00012").
 */

/** Sightings on one page of "Who has seen this record". */
export const SEEN_BY_PAGE_SIZE = 25

const worktrays: Readonly<Record<string, string>> = {
  mine: 'My work',
  team: 'My team’s work',
  endings: 'My work, as ended',
  'readiness-mine': 'My work, as a meeting not ready yet',
  'readiness-team': 'My team’s work, as a meeting not ready yet',
}

/** The words of a step of the workflow, as its timeline reads. */
function stepWords(event: string): string | undefined {
  if (!(event in events)) return undefined
  const timeline = events[event as WorkflowEvent].timeline
  return timeline ?? 'saved the referral'
}

/** Whether an event was the person's own, on their family pages (it has no member of staff behind it). */
export function byThePerson(action: string): boolean {
  return ['family.page-viewed', 'family.signed-in', 'family.signed-out', 'family.word-chosen', 'advocacy.views-agreement-recorded'].includes(action)
}

/** What was done to a referral, `it` being how the page names it ("it", or "referral AL-00012"). */
function aboutReferral(action: string, it: string, tray: string | null, shownWith: string | null): string {
  switch (action) {
    case 'referral.viewed':
      return shownWith === 'advocacy-record' ? `Opened ${it} and its advocacy record` : `Opened ${it}`
    case 'referral.started':
      return `Started ${it}`
    case 'referral.meeting-downloaded':
      return it === 'it' ? 'Downloaded the meeting to a calendar' : `Downloaded the meeting of ${it} to a calendar`
    case 'referral.seen-by-viewed':
      return `Looked at who has seen ${it}`
    case 'referral.readiness-viewed':
      return it === 'it' ? 'Opened whether the meeting is ready for the family' : `Opened whether the meeting of ${it} is ready for the family`
    case 'referral.readiness-saved':
      return `Changed ${it}: recorded what is ready for the meeting`
    case 'advocacy.record-viewed':
      return it === 'it' ? 'Opened the advocacy record' : `Opened the advocacy record of ${it}`
    case 'advocacy.offer-viewed':
      return `Opened the offer of ${it}`
    case 'advocacy.home-viewed':
      return `Saw ${it} listed in their own work (My people)`
    case 'worktray.viewed':
      return `Saw ${it} listed in ${worktrays[tray ?? ''] ?? 'a worktray'}`
    case 'report.referrals-listed':
      return `Saw ${it} listed behind a figure of the quarterly return`
    case 'referral.section-1-saved':
      return `Changed ${it}: saved Section 1`
    case 'referral.children-changed':
      return `Changed ${it}: the children`
    case 'advocacy.contact-recorded':
      return `Changed ${it}: recorded a contact`
    case 'advocacy.views-saved':
      return `Changed ${it}: saved the person’s views`
    case 'advocacy.views-shared':
      return `Changed ${it}: shared the person’s views with the conference chair`
    case 'advocacy.views-agreement-recorded':
      return `Changed ${it}: answered whether their views may be shared`
    case 'family.page-viewed':
      return it === 'it' ? 'Read their own pages' : `Read their own pages about ${it}`
    case 'family.signed-in':
      return 'Signed in to their own pages'
    case 'family.signed-out':
      return 'Signed out of their own pages'
    case 'family.word-chosen':
      return 'Chose their word or PIN for their own pages'
    case 'family.way-in-viewed':
      return 'Opened the person’s way in to their own pages'
    case 'family.code-issued':
      return `Changed ${it}: gave the person a code for their own pages`
    case 'family.code-revoked':
      return `Changed ${it}: revoked the person’s code`
    case 'feedback.viewed':
      return 'Opened how the person’s meeting went'
    case 'feedback.later':
      return `Changed ${it}: recorded that the person will say later how the meeting went`
    case 'feedback.declined':
      return `Changed ${it}: recorded that the person does not want to give feedback`
    case 'feedback.given':
      return `Changed ${it}: recorded the person’s feedback about the meeting`
    case 'feedback.kiosk-opened':
      return `Changed ${it}: opened a feedback kiosk for the meeting`
    case 'feedback.kiosk-closed':
      return `Changed ${it}: closed the meeting’s feedback kiosk`
    case 'feedback.summary-viewed':
      return 'Read families’ feedback, with the person’s words'
    default: {
      const step = action.startsWith('referral.') ? stepWords(action.slice('referral.'.length)) : undefined
      return step ? `Changed ${it}: ${step}` : `Changed ${it}`
    }
  }
}

/** What was done to a person's own record. */
function aboutPerson(action: string): string {
  switch (action) {
    case 'person.viewed':
      return 'Opened their page'
    case 'person.searched':
      return 'Found them in a search'
    case 'person.created':
      return 'Added them'
    case 'person.seen-by-viewed':
      return 'Looked at who has seen them'
    case 'person.equality-updated':
      return 'Changed their equality answers'
    default:
      return 'Changed their record'
  }
}

/**
 * The words for one sighting on the page of `about`. On a person's page, an event about one of
 * their referrals, or a list that showed one, names it by its reference (`references`: the
 * person's referrals, id to reference).
 */
export function whatTheyDid(
  sighting: Pick<Sighting, 'action' | 'recordType' | 'recordId' | 'tray' | 'shown' | 'lists' | 'with'>,
  about: { readonly kind: 'referral' | 'person'; readonly id: string },
  references: ReadonlyMap<string, string>,
): string {
  if (sighting.action === 'person.searched') return 'Found them in a search'
  if (sighting.recordType === 'person') return aboutPerson(sighting.action)
  if (about.kind === 'referral') return aboutReferral(sighting.action, 'it', trayShowing(sighting, about.id), sighting.with)
  const referralId = sighting.recordType === 'referral' && sighting.recordId ? sighting.recordId : sighting.shown.find((id) => references.has(id))
  const reference = referralId ? references.get(referralId) : undefined
  return aboutReferral(sighting.action, reference ? `referral ${reference}` : 'a referral for them', trayShowing(sighting, referralId), sighting.with)
}

/**
 * Which list of a page showed the referral (a page's lists are one event: `ShownLists`): the
 * page's own list where it did, else the first list beside it that did, by its own words where it
 * has them ("as a meeting not ready yet"), else the page's.
 */
function trayShowing(sighting: Pick<Sighting, 'tray' | 'lists'>, referralId: string | undefined): string | null {
  if (!referralId || !sighting.tray || sighting.lists[sighting.tray]?.includes(referralId)) return sighting.tray
  const showing = Object.entries(sighting.lists).find(([, ids]) => ids.includes(referralId))?.[0]
  return showing !== undefined && showing in worktrays ? showing : sighting.tray
}
