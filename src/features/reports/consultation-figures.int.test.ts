import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { engine } from '../../../test/support/database.ts'
import { crewOf, referralAt, type Crew } from '../../../test/support/workflow-steps.ts'
import { quarter } from './periods.ts'
import { consultationFiguresByWindow } from './reports-repository.ts'
import { windowOf } from './reports-service.ts'

/**
 * Children's consultation in the reports (issue 13 beside issue 11, ADR 31), worked out by hand: a
 * referral sent in Q3 2026 (the test clock's today is 24 November 2026) for a review conference on
 * 15 December 2026 names five children: Ana (9) took part on her own pages with her teacher and let
 * the chair see; Ben (6) did not want to; Cal (12) has nothing recorded; Dee (date of birth not known)
 * took part with her advocate; Eve (3) is not due. An initial conference's child of 9 is not due.
 */
describe(`children's consultation in the figures (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  async function conference(familyName: string, type: 'review_conference' | 'initial_conference') {
    const db = t.database.db
    const referralId = await referralAt(t, crew, 'awaiting_admin', familyName)
    const referral = await db.selectFrom('referral').select(['meeting_id', 'authority_id']).where('id', '=', referralId).executeTakeFirstOrThrow()
    await db
      .updateTable('meeting')
      .set({ type, meeting_date: '2026-12-15' })
      .where('id', '=', referral.meeting_id ?? '')
      .execute()
    await db.deleteFrom('referral_child').where('referral_id', '=', referralId).execute()
    const child = async (givenName: string, dateOfBirth: string | null) => {
      const person = await db
        .insertInto('person')
        .values({
          authority_id: referral.authority_id,
          kind: 'child',
          given_name: givenName,
          family_name: familyName,
          date_of_birth: dateOfBirth,
          created_by: t.world.staff.referrer.id,
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db.insertInto('referral_child').values({ referral_id: referralId, person_id: person.id, authority_id: referral.authority_id }).execute()
      return person.id
    }
    return { meetingId: referral.meeting_id ?? '', authorityId: referral.authority_id, child }
  }

  test('due, taken part (and how), did not take part, nothing recorded; the under 4s and other meetings not counted', async () => {
    const db = t.database.db
    const review = await conference('Consulted', 'review_conference')
    const ana = await review.child('Ana', '2017-06-01')
    const ben = await review.child('Ben', '2020-01-10')
    await review.child('Cal', '2014-03-03')
    const dee = await review.child('Dee', null)
    await review.child('Eve', '2023-05-05')
    const initial = await conference('Initial', 'initial_conference')
    await initial.child('Fay', '2017-06-01')

    const at = new Date('2026-11-24T10:00:00Z')
    const base = { authority_id: review.authorityId, meeting_id: review.meetingId, recorded_at: at, updated_at: at, worrying_words: false }
    await db
      .insertInto('child_consultation')
      .values([
        {
          ...base,
          person_id: ana,
          status: 'completed',
          age_band: '8_to_11',
          done_how: 'own_pages',
          helper_name: 'Mrs Patel',
          helper_relationship: 'Teacher',
          answers: JSON.stringify({ home: 'happy' }),
          share_with: ['chair'],
        },
        {
          ...base,
          person_id: ben,
          status: 'declined',
          age_band: '4_to_7',
          done_how: 'with_advocate',
          decline_reason: 'child_did_not_want',
          answers: '{}',
          recorded_by: t.world.staff.admin.id,
        },
        {
          ...base,
          person_id: dee,
          status: 'completed',
          age_band: '8_to_11',
          done_how: 'with_advocate',
          answers: JSON.stringify({ school: 'okay' }),
          recorded_by: t.world.staff.admin.id,
        },
      ])
      .execute()

    const [q3, q2] = await consultationFiguresByWindow(db, t.world.authorityId, [quarter(2026, 3), quarter(2026, 2)].map(windowOf))
    assert.deepEqual(q3, {
      'consultation.due': 4,
      'consultation.completed': 2,
      'consultation.declined': 1,
      'consultation.not_recorded': 1,
      'consultation.completed.own_pages': 1,
      'consultation.completed.with_advocate': 1,
      'consultation.completed.on_paper': 0,
      'consultation.helped': 1,
      'consultation.shared_with_chair': 1,
    })
    assert.equal(q2?.['consultation.due'], 0, 'nothing sent in Q2')
  })
})
