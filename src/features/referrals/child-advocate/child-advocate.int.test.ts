import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, tableRows, textOf, type Browser } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { referralSent, versionOn } from '../../../../test/support/referral-steps.ts'
import { addStaff, crewOf, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * Issue 11, first slice: every child of an initial or review child protection conference is offered
 * an advocate of their own, opt-out, recorded per child per conference. The test clock's today is
 * Tuesday 24 November 2026; each referral's conference is on Tuesday 15 December 2026.
 */
describe(`children offered an advocate (${engine})`, () => {
  let t: TestApp
  let crew: Crew

  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  /** A sent referral for this kind of meeting; its children are Leo (7, added by the referrer) and these. */
  async function conference(meetingType: string, familyName: string, children: readonly { given: string; born: string; id?: string }[] = []) {
    const id = await referralSent(crew.referrer, { meetingType, familyName })
    const db = t.database.db
    const ids: Record<string, string> = {}
    for (const child of children) {
      const personId =
        child.id ??
        (
          await db
            .insertInto('person')
            .values({
              authority_id: t.world.authorityId,
              kind: 'child',
              given_name: child.given,
              family_name: familyName,
              date_of_birth: child.born,
              created_by: t.world.staff.referrer.id,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      await db.insertInto('referral_child').values({ referral_id: id, person_id: personId, authority_id: t.world.authorityId }).execute()
      ids[child.given] = personId
    }
    return { id, ids }
  }

  /** Each row of the referral page's "Children offered an advocate": [child, age, their offer, action]. */
  async function offersOn(browser: Browser, id: string) {
    const page = await browser.get(`/referrals/${id}`)
    assert.equal(page.status, 200)
    return tableRows(page.html, 'Children offered an advocate').map((cells) => cells.map((cell) => cell.replace(/\s+/g, ' ').trim()))
  }

  const offerRows = (personId: string) =>
    t.database.db.selectFrom('child_advocacy_offer').selectAll().where('person_id', '=', personId).orderBy('created_at').orderBy('id').execute()

  test('only the children of an initial or review conference are offered one, and the referrer and the manager see where each stands', async () => {
    const coreGroup = await conference('core_group', 'Coregroup', [{ given: 'Cal', born: '2016-01-01' }])
    const shown = await crew.admin.get(`/referrals/${coreGroup.id}`)
    assert.doesNotMatch(textOf(shown.html), /Children offered an advocate/)
    assert.equal((await crew.admin.get(`/referrals/${coreGroup.id}/child-advocate/${coreGroup.ids['Cal'] ?? ''}`)).status, 404)

    for (const type of ['initial_conference', 'review_conference']) {
      const { id } = await conference(type, `Offered${type.slice(0, 4)}`)
      const rows = await offersOn(crew.admin, id)
      assert.equal(rows.length, 1)
      assert.deepEqual(rows[0]?.slice(0, 3), ['Leo Garcia', '7 at the conference', 'Offered — they will have an advocate unless they decline'])
      assert.match(rows[0]?.[3] ?? '', /Record their answer/)
      const page = await crew.admin.get(`/referrals/${id}`)
      const link = page.document.querySelector('#child-offers a')?.getAttribute('href') ?? ''
      assert.match(link, new RegExp(`^/referrals/${id}/child-advocate/[0-9a-f-]{36}$`))
      assert.equal((await crew.admin.get(link)).status, 200, 'the link opens')
      for (const [who, browser] of [
        ['the referrer', crew.referrer],
        ['the service manager', crew.manager],
      ] as const) {
        const theirs = await offersOn(browser, id)
        assert.deepEqual(theirs[0]?.slice(0, 3), rows[0]?.slice(0, 3), `${who} sees the offer`)
        assert.equal(theirs[0]?.[3], '', `${who} has no link to record it`)
      }
    }
  })

  test('a carer declines for a child of 3: the reason is required; the child cannot be asked directly', async () => {
    const { id, ids } = await conference('initial_conference', 'Declined', [{ given: 'Ada', born: '2023-06-01' }])
    const path = `/referrals/${id}/child-advocate/${ids['Ada'] ?? ''}`
    const page = await crew.admin.get(path)
    assert.equal(page.status, 200)
    assert.match(textOf(page.html), /Ada Declined will be 3 on the day/)
    assert.match(textOf(page.document.querySelector('#age-hint')), /Under 4: not asked directly\. Someone who speaks for them answers/)
    const version = versionOn(page.html)
    assert.equal(version, '0')

    const missing = await crew.admin.submit(path, {
      answer: 'declined',
      whoAnswered: 'someone_for_them',
      speakerName: 'Maria Garcia',
      speakerRelationship: 'Mother',
      version,
    })
    assert.deepEqual(errorSummary(missing.html), ['Say why they declined an advocate for the child'])
    assert.equal(missing.document.querySelector<HTMLInputElement>('#speakerName')?.getAttribute('value'), 'Maria Garcia', 'what was typed is kept')

    const asked = await crew.admin.submit(path, { answer: 'declined', whoAnswered: 'child', version })
    assert.deepEqual(errorSummary(asked.html), ['A child under 4 is not asked directly: choose someone who speaks for them'])
    assert.deepEqual(await offerRows(ids['Ada'] ?? ''), [], 'nothing is recorded')

    const saved = await crew.admin.post(path, {
      answer: 'declined',
      whoAnswered: 'someone_for_them',
      speakerName: 'Maria Garcia',
      speakerRelationship: 'Mother',
      reason: 'She thinks Ada is too young to meet someone new before the conference',
      version,
    })
    assert.equal(saved.location, `/referrals/${id}`)
    const rows = await offersOn(crew.admin, id)
    const ada = rows.find((row) => row[0] === 'Ada Declined')
    assert.equal(ada?.[1], '3 at the conference')
    assert.match(ada?.[2] ?? '', /^Declined by someone who speaks for them Maria Garcia \(Mother\) Non-instructed advocacy$/)
    const [row] = await offerRows(ids['Ada'] ?? '')
    assert.equal(row?.answer, 'declined')
    assert.equal(row?.who_answered, 'someone_for_them')
    assert.equal(row?.speaker_relationship, 'Mother')
    assert.match(row?.reason ?? '', /too young/)
    assert.equal(row?.answered_by, t.world.staff.admin.id)
    assert.equal(row?.version, 1)
  })

  test('a 9-year-old accepts, with the needs that change how advocacy is done; the referral page says they are ready to refer', async () => {
    const { id, ids } = await conference('review_conference', 'Accepted', [{ given: 'Noor', born: '2017-03-10' }])
    const path = `/referrals/${id}/child-advocate/${ids['Noor'] ?? ''}`
    const page = await crew.admin.get(path)
    const hint = textOf(page.document.querySelector('#age-hint'))
    assert.match(hint, /4 and over: asked for their own answer/)
    assert.doesNotMatch(hint, /may attend the review conference/)
    await crew.admin.submit(path, {
      answer: 'accepted',
      whoAnswered: 'child',
      communicates: ['signs', 'pictures'],
      needs: ['disability', 'out_of_area'],
      needsDetail: 'Uses Makaton; placed with foster carers in Kent',
      version: versionOn(page.html),
    })
    const noor = (await offersOn(crew.admin, id)).find((row) => row[0] === 'Noor Accepted')
    assert.deepEqual(noor?.slice(1, 3), ['9 at the conference', 'Accepted — ready to refer for a child’s advocate'])
    const referrerSees = (await offersOn(crew.referrer, id)).find((row) => row[0] === 'Noor Accepted')
    assert.equal(referrerSees?.[2], 'Accepted — ready to refer for a child’s advocate')
    const [row] = await offerRows(ids['Noor'] ?? '')
    assert.deepEqual(
      { answer: row?.answer, who: row?.who_answered, communicates: row?.communicates, needs: row?.needs, speaker: row?.speaker_name, reason: row?.reason },
      { answer: 'accepted', who: 'child', communicates: ['signs', 'pictures'], needs: ['disability', 'out_of_area'], speaker: null, reason: null },
    )
    // The page shows what is recorded, to change it.
    const again = await crew.admin.get(path)
    assert.ok(again.document.querySelector('input[name="communicates"][value="signs"][checked]'))
    assert.ok(again.document.querySelector('input[name="answer"][value="accepted"][checked]'))
    assert.equal(versionOn(again.html), '1')
  })

  test('an older child is told they may attend the review conference, and at 12 take a more active part', async () => {
    const { id, ids } = await conference('review_conference', 'Older', [
      { given: 'Ola', born: '2015-12-15' },
      { given: 'Tom', born: '2014-01-01' },
    ])
    const eleven = textOf((await crew.admin.get(`/referrals/${id}/child-advocate/${ids['Ola'] ?? ''}`)).document.querySelector('#age-hint'))
    assert.match(eleven, /11 and over: may attend the review conference/)
    assert.doesNotMatch(eleven, /more active part/)
    const twelve = textOf((await crew.admin.get(`/referrals/${id}/child-advocate/${ids['Tom'] ?? ''}`)).document.querySelector('#age-hint'))
    assert.match(twelve, /12 and over: encouraged to take a more active part/)
  })

  test('per child, per conference: at the next conference a child who declined is offered again, and the first answer stays', async () => {
    const first = await conference('initial_conference', 'Twice', [{ given: 'Ben', born: '2016-05-05' }])
    const benId = first.ids['Ben'] ?? ''
    const firstPath = `/referrals/${first.id}/child-advocate/${benId}`
    const page = await crew.admin.get(firstPath)
    await crew.admin.submit(firstPath, { answer: 'declined', whoAnswered: 'child', reason: 'Ben wants to speak for himself', version: versionOn(page.html) })

    const second = await conference('review_conference', 'Twice', [{ given: 'Ben', born: '2016-05-05', id: benId }])
    const offered = (await offersOn(crew.admin, second.id)).find((row) => row[0] === 'Ben Twice')
    assert.equal(offered?.[2], 'Offered — they will have an advocate unless they decline', 'offered again')
    const secondPath = `/referrals/${second.id}/child-advocate/${benId}`
    const again = await crew.admin.get(secondPath)
    assert.equal(versionOn(again.html), '0', 'a new offer')
    await crew.admin.submit(secondPath, { answer: 'accepted', whoAnswered: 'child', version: '0' })

    const rows = await offerRows(benId)
    assert.equal(rows.length, 2, 'one row per conference')
    const meetingOf = async (id: string) =>
      (await t.database.db.selectFrom('referral').select('meeting_id').where('id', '=', id).executeTakeFirstOrThrow()).meeting_id
    assert.deepEqual(
      new Map(rows.map((row) => [row.meeting_id, row.answer])),
      new Map([
        [await meetingOf(first.id), 'declined'],
        [await meetingOf(second.id), 'accepted'],
      ]),
    )
    const firstAgain = (await offersOn(crew.admin, first.id)).find((row) => row[0] === 'Ben Twice')
    assert.equal(firstAgain?.[2], 'Declined by the child')
  })

  test('a post without its token is refused; two admins answering at once: the second is refused, told why, and loses nothing', async () => {
    const { id, ids } = await conference('initial_conference', 'Together', [{ given: 'Eve', born: '2018-02-02' }])
    const path = `/referrals/${id}/child-advocate/${ids['Eve'] ?? ''}`
    const page = await crew.admin.get(path)
    const version = versionOn(page.html)
    const refused = await crew.admin.post(path, { answer: 'accepted', whoAnswered: 'child', version }, { withToken: false })
    assert.equal(refused.status, 403)
    assert.deepEqual(await offerRows(ids['Eve'] ?? ''), [])

    const other = await signedInAs(t, await addStaff(t, 'secondAdmin', 'Ash Secondadmin', ['advocacy_admin'], { fgc: true }))
    await other.get(path)
    const first = await crew.admin.post(path, { answer: 'accepted', whoAnswered: 'child', version })
    assert.equal(first.location, `/referrals/${id}`)
    const told = await other.submit(path, { answer: 'declined', whoAnswered: 'child', reason: 'Eve said no to me on the phone', version })
    assert.match(errorSummary(told.html)[0] ?? '', new RegExp(`${t.world.staff.admin.displayName} saved a change .*after you opened this page`))
    assert.equal(told.document.querySelector('#reason')?.textContent?.trim(), 'Eve said no to me on the phone', 'what they wrote is kept')
    const [row] = await offerRows(ids['Eve'] ?? '')
    assert.equal(row?.answer, 'accepted', 'the first answer stands')
    assert.equal(row?.version, 1)
  })

  test('refused to other authorities (404) and to roles that may not record it (403); a child not on the referral is not found', async () => {
    const { id, ids } = await conference('initial_conference', 'Guarded', [{ given: 'Gus', born: '2015-04-04' }])
    const another = await conference('initial_conference', 'Neighbour', [{ given: 'Nia', born: '2015-04-04' }])
    const path = `/referrals/${id}/child-advocate/${ids['Gus'] ?? ''}`
    const body = { answer: 'declined', whoAnswered: 'child', version: '0' }
    const { staff } = t.world
    for (const [who, person, status] of [
      ["another authority's advocacy admin", t.world.elsewhere.admin, 404],
      ['the referrer', staff.referrer, 403],
      ['the service manager', staff.manager, 403],
      ['an analyst', staff.analyst, 403],
      ['an advocate', staff.advocate, 403],
      ['another referrer', staff.otherReferrer, 403],
    ] as const) {
      const browser = await signedInAs(t, person)
      assert.equal((await browser.get(path)).status, status, `${who} GET`)
      assert.equal((await browser.post(path, body)).status, status, `${who} POST`)
    }
    assert.deepEqual(await offerRows(ids['Gus'] ?? ''), [])
    for (const wrong of [`/referrals/${id}/child-advocate/${another.ids['Nia'] ?? ''}`, `/referrals/${id}/child-advocate/not-an-id`]) {
      assert.equal((await crew.admin.get(wrong)).status, 404, wrong)
      assert.equal((await crew.admin.post(wrong, body)).status, 404, wrong)
    }
  })

  test('every view and answer is in the audit trail, with what was answered and never the words written', async () => {
    const { id, ids } = await conference('initial_conference', 'Audited', [{ given: 'Ida', born: '2016-08-08' }])
    const path = `/referrals/${id}/child-advocate/${ids['Ida'] ?? ''}`
    const page = await crew.admin.get(path)
    await crew.admin.submit(path, { answer: 'declined', whoAnswered: 'child', reason: 'Secretreason', communicates: 'speaks', version: versionOn(page.html) })
    const rows = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id', 'details'])
      .where('record_id', '=', id)
      .where('action', 'like', 'referral.child-offer-%')
      .orderBy('id')
      .execute()
    assert.deepEqual(
      rows.map((row) => row.action),
      ['referral.child-offer-viewed', 'referral.child-offer-recorded'],
    )
    const recorded = rows.find((row) => row.action === 'referral.child-offer-recorded')
    assert.equal(recorded?.actor_id, t.world.staff.admin.id)
    assert.deepEqual(
      { ...(recorded?.details as object), meeting: undefined },
      { child: ids['Ida'], meeting: undefined, answer: 'declined', by: 'child', needs: ['speaks'] },
    )
    assert.ok(!JSON.stringify(rows).includes('Secretreason'))
  })
})
