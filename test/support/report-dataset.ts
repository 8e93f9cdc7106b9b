import type { Kysely } from 'kysely'
import type { Schema } from '../../src/platform/db/schema.ts'
import type { World } from './world.ts'

/**
 * A small fixed dataset for the quarterly return's tests, whose every figure is worked out by hand
 * in `src/features/reports/quarterly/quarterly.int.test.ts`. Q2 2026 to 2027 (July to September 2026) has twelve referrals, sent in
 * August; Q1 (the period before) has three, sent in May.
 *
 *  r  | stage | meeting        | timeliness       | decision  | allocated (days)      | person
 *  1  | CP    | initial conf.  | late, with reason| progressed| peer, 1 declined offer| mother, under 25, White, English, 2 children
 *  2  | CP    | initial conf.  | late, no reason  | progressed| peer, 1 lapsed offer  | mother, White, English
 *  3-5| CP    | initial conf.  | on time          | progressed| peer                  | mothers, White (3-4), Black (5)
 *  6  | CP    | initial conf.  | on time          | progressed| professional          | mother, Black
 *  7  | CIN   | CIN review     | no deadline      | progressed| local service         | mother, Black, another language
 *  8  | CIN   | CIN review     | no deadline      | progressed| none                  | father, under 25, prefers not to say
 *  9-10| CIN  | CIN review     | no deadline      | NFA       | none                  | fathers (9 under 25)
 *  11 | CIN   | CIN review     | no deadline      | none      | none                  | father
 *  12 | EH    | CIN review     | no deadline      | none (withdrawn: consent) | none     | father
 *
 * Decisions come 2 days after sending, acceptances 5, the advocate's first meeting 10 (r1 to r5).
 * r1 asked for a language (met) and a gender (met); r2 for a language (interpreter) and a gender (not met).
 * Every meeting is on 1 December 2026, but r6's, on 14 August (before its advocate accepted, on the 15th).
 *
 * Outcomes, readiness and children (`loadOutcomes` below):
 *
 *  r  | attended        | views heard | views (advocacy record) | readiness (conferences r1-r6)                    | children offered
 *  1  | yes             | fully       | shared with the chair   | reports in time, chair met, FGC accepted: ready   | one accepted by the child (own referral started), one for them
 *  2  | yes             | fully       | shared with the chair   | in time, chair met (on a day), FGC offered, interpreter needed and booked: ready | declined by the child
 *  3  | yes             | partly      | prepared, not shared    | in time, chair met, FGC held: ready               | declined for them
 *  4  | yes             | fully       |                         | reports not in time, chair met, FGC offered       | waiting (a row, no answer yet)
 *  5  | no              | not heard   |                         | in time, chair not met, FGC not possible          | (no answer recorded)
 *  6  | meeting not held| (not said)  |                         | (nothing recorded)                                | (no answer recorded)
 *  7  | yes             | fully       |                         | (a child in need review: not a conference)        | (its child's accepted answer does not count: not a conference)
 *  8-12 | (no outcome)  |             |                         |                                                   |
 *  Q1: r13 attended, views heard fully, ready (in time, chair met, FGC held); r14-15 nothing. Their three children: no answers.
 */
export async function loadQuarterlyDataset(db: Kysely<Schema>, world: World): Promise<void> {
  const authorityId = world.authorityId
  const referrerId = world.staff.referrer.id
  const day = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00Z`)
  const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T10:00:00Z`) + days * 86_400_000)

  const peer = await db
    .insertInto('advocate')
    .values({ authority_id: authorityId, kind: 'parent_peer_advocate', given_name: 'Pat', family_name: 'Peer', stage: 'active', created_at: day('2025-01-01') })
    .returning('id')
    .executeTakeFirstOrThrow()
  const professional = await db
    .insertInto('advocate')
    .values({
      authority_id: authorityId,
      kind: 'professional_advocate',
      given_name: 'Pro',
      family_name: 'Fessional',
      stage: 'active',
      created_at: day('2025-01-01'),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const local = await db
    .insertInto('local_service')
    .values({ authority_id: authorityId, name: 'Women’s Aid', contact: '01234 567890' })
    .returning('id')
    .executeTakeFirstOrThrow()

  // The programme: Pat and five more active (two accredited in August), one in training, one who left in August.
  const peers = [
    { name: 'Active A', stage: 'active', accredited_on: '2026-08-03' },
    { name: 'Active B', stage: 'active', accredited_on: '2026-08-20' },
    { name: 'Active C', stage: 'active', accredited_on: '2025-05-01' },
    { name: 'Active D', stage: 'active', accredited_on: null },
    { name: 'Active E', stage: 'active', accredited_on: null },
    { name: 'Trainee', stage: 'training', accredited_on: null },
    { name: 'Leaver', stage: 'left', accredited_on: null },
  ] as const
  for (const one of peers) {
    const row = await db
      .insertInto('advocate')
      .values({
        authority_id: authorityId,
        kind: 'parent_peer_advocate',
        given_name: one.name,
        family_name: 'Peer',
        stage: one.stage,
        accredited_on: one.accredited_on,
        created_at: day('2025-01-01'),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (one.stage === 'left') {
      await db
        .insertInto('advocate_stage_change')
        .values({ advocate_id: row.id, authority_id: authorityId, from_stage: null, to_stage: 'active', at: day('2025-06-01') })
        .execute()
      await db
        .insertInto('advocate_stage_change')
        .values({ advocate_id: row.id, authority_id: authorityId, from_stage: 'active', to_stage: 'left', at: day('2026-08-01') })
        .execute()
    }
  }

  type Spec = {
    stage: 'child_protection' | 'child_in_need' | 'early_help'
    conference: boolean
    late?: 'with_reason' | 'without_reason'
    decision?: 'child_protection_advocacy_review' | 'no_further_action'
    allocated?: 'peer' | 'professional' | 'local'
    withdrawn?: boolean
    relationship: 'mother' | 'father'
    born: string
    ethnicity: 'white_british' | 'black_african' | 'prefer_not_to_say' | null
    language: string | null
    children: number
    preferences?: Record<string, string>
    declined?: boolean
    lapsed?: boolean
  }
  const q2: Spec[] = [
    {
      stage: 'child_protection',
      conference: true,
      late: 'with_reason',
      decision: 'child_protection_advocacy_review',
      allocated: 'peer',
      relationship: 'mother',
      born: '2005-01-01',
      ethnicity: 'white_british',
      language: 'English',
      children: 2,
      preferences: { language: 'met', gender: 'met', heritage: 'not_asked' },
      declined: true,
    },
    {
      stage: 'child_protection',
      conference: true,
      late: 'without_reason',
      decision: 'child_protection_advocacy_review',
      allocated: 'peer',
      relationship: 'mother',
      born: '1990-01-01',
      ethnicity: 'white_british',
      language: 'English',
      children: 1,
      preferences: { language: 'interpreter', gender: 'not_met', heritage: 'not_asked' },
      lapsed: true,
    },
    {
      stage: 'child_protection',
      conference: true,
      decision: 'child_protection_advocacy_review',
      allocated: 'peer',
      relationship: 'mother',
      born: '1990-01-01',
      ethnicity: 'white_british',
      language: 'English',
      children: 1,
    },
    {
      stage: 'child_protection',
      conference: true,
      decision: 'child_protection_advocacy_review',
      allocated: 'peer',
      relationship: 'mother',
      born: '1990-01-01',
      ethnicity: 'white_british',
      language: 'English',
      children: 1,
    },
    {
      stage: 'child_protection',
      conference: true,
      decision: 'child_protection_advocacy_review',
      allocated: 'peer',
      relationship: 'mother',
      born: '1990-01-01',
      ethnicity: 'black_african',
      language: 'English',
      children: 1,
    },
    {
      stage: 'child_protection',
      conference: true,
      decision: 'child_protection_advocacy_review',
      allocated: 'professional',
      relationship: 'mother',
      born: '1990-01-01',
      ethnicity: 'black_african',
      language: 'English',
      children: 1,
    },
    {
      stage: 'child_in_need',
      conference: false,
      decision: 'child_protection_advocacy_review',
      allocated: 'local',
      relationship: 'mother',
      born: '1990-01-01',
      ethnicity: 'black_african',
      language: 'Somali',
      children: 1,
    },
    {
      stage: 'child_in_need',
      conference: false,
      decision: 'child_protection_advocacy_review',
      relationship: 'father',
      born: '2004-06-01',
      ethnicity: 'prefer_not_to_say',
      language: 'English',
      children: 1,
    },
    {
      stage: 'child_in_need',
      conference: false,
      decision: 'no_further_action',
      relationship: 'father',
      born: '2003-01-01',
      ethnicity: null,
      language: null,
      children: 1,
    },
    {
      stage: 'child_in_need',
      conference: false,
      decision: 'no_further_action',
      relationship: 'father',
      born: '1985-01-01',
      ethnicity: null,
      language: null,
      children: 1,
    },
    { stage: 'child_in_need', conference: false, relationship: 'father', born: '1985-01-01', ethnicity: null, language: null, children: 1 },
    { stage: 'early_help', conference: false, withdrawn: true, relationship: 'father', born: '1985-01-01', ethnicity: null, language: null, children: 1 },
  ]
  const q1: Spec[] = [1, 2, 3].map(() => ({
    stage: 'child_protection',
    conference: true,
    decision: 'child_protection_advocacy_review',
    allocated: 'peer',
    relationship: 'mother',
    born: '1990-01-01',
    ethnicity: 'white_british',
    language: 'English',
    children: 1,
  }))

  let reference = 0
  const referralIds: string[] = []
  const add = async (spec: Spec, sent: string) => {
    reference += 1
    const person = await db
      .insertInto('person')
      .values({
        authority_id: authorityId,
        kind: 'adult',
        given_name: 'Parent',
        family_name: `Number ${reference}`,
        date_of_birth: spec.born,
        relationship_to_child: spec.relationship,
        ethnicity: spec.ethnicity,
        first_language: spec.language,
        created_by: referrerId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const meeting = await db
      .insertInto('meeting')
      .values({
        authority_id: authorityId,
        type: spec.conference ? 'initial_conference' : 'child_in_need_review',
        meeting_date: reference === 6 ? '2026-08-14' : '2026-12-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const referral = await db
      .insertInto('referral')
      .values({
        authority_id: authorityId,
        reference: `RPT-${reference}`,
        referrer_id: referrerId,
        person_id: person.id,
        meeting_id: meeting.id,
        stage: spec.stage,
        state: spec.withdrawn ? 'withdrawn' : 'in_review',
        due_by: spec.conference ? '2026-11-24' : null,
        late: spec.late !== undefined,
        late_reason: spec.late === 'with_reason' ? 'The conference was brought forward' : null,
        sent_at: day(sent),
        closed_at: spec.withdrawn ? addDays(sent, 3) : null,
        closed_reason: spec.withdrawn ? 'consent_withdrawn' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    referralIds.push(referral.id)
    for (let child = 0; child < spec.children; child++) {
      const kid = await db
        .insertInto('person')
        .values({ authority_id: authorityId, kind: 'child', given_name: 'Child', family_name: `Number ${reference}.${child}`, created_by: referrerId })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db.insertInto('referral_child').values({ referral_id: referral.id, person_id: kid.id, authority_id: authorityId }).execute()
    }
    if (spec.decision) {
      await db
        .insertInto('decision')
        .values({
          referral_id: referral.id,
          authority_id: authorityId,
          next_action: spec.decision,
          reasons: 'Reasons',
          decided_by: world.staff.manager.id,
          decided_at: addDays(sent, 2),
        })
        .execute()
    }
    const offer = (status: 'declined' | 'lapsed', offeredDays: number) =>
      db
        .insertInto('allocation')
        .values({
          authority_id: authorityId,
          referral_id: referral.id,
          advocate_id: peer.id,
          status,
          offered_at: addDays(sent, offeredDays),
          reasons: '[]',
          preferences: '{}',
        })
        .execute()
    if (spec.declined) await offer('declined', 3)
    if (spec.lapsed) await offer('lapsed', 3)
    if (spec.allocated) {
      await db
        .insertInto('allocation')
        .values({
          authority_id: authorityId,
          referral_id: referral.id,
          advocate_id: spec.allocated === 'peer' ? peer.id : spec.allocated === 'professional' ? professional.id : null,
          local_service_id: spec.allocated === 'local' ? local.id : null,
          status: spec.allocated === 'local' ? 'triaged' : 'accepted',
          offered_at: addDays(sent, 4),
          responded_at: addDays(sent, 5),
          reasons: '[]',
          preferences: JSON.stringify(spec.preferences ?? { language: 'not_asked', gender: 'not_asked', heritage: 'not_asked' }),
        })
        .execute()
      if (spec.allocated === 'peer' && reference <= 5) {
        await db
          .insertInto('advocacy_contact')
          .values({
            authority_id: authorityId,
            referral_id: referral.id,
            advocate_id: peer.id,
            contacted_on: addDays(sent, 10).toISOString().slice(0, 10),
            method: 'in_person',
            created_by: referrerId,
          })
          .execute()
      }
    }
  }
  for (const spec of q2) await add(spec, '2026-08-10')
  for (const spec of q1) await add(spec, '2026-05-12')
  await loadOutcomes(db, world, referralIds)

  // Six requests from the public pages in Q2: two linked to a referral, one passed to the social worker, one answered, two waiting.
  const outcomes = ['linked_to_referral', 'linked_to_referral', 'referral_requested', 'answered', null, null] as const
  for (const outcome of outcomes) {
    await db
      .insertInto('advocacy_enquiry')
      .values({
        authority_id: authorityId,
        asker: 'myself',
        parent_agreed: true,
        name: 'Someone',
        contact_way: 'phone',
        phone: '07700 900000',
        safe_to_leave_message: true,
        page_language: 'en',
        received_at: day('2026-09-01'),
        due_on: '2026-09-03',
        state: outcome === null ? 'open' : 'closed',
        outcome,
        closed_at: outcome === null ? null : day('2026-09-02'),
        closed_by: outcome === null ? null : world.staff.admin.id,
        referral_id: outcome === 'linked_to_referral' ? (referralIds[0] ?? null) : null,
      })
      .execute()
  }
}

/** The outcomes, readiness, the person's views and the children's answers of the table above (`ids`: r1 first). */
async function loadOutcomes(db: Kysely<Schema>, world: World, ids: readonly string[]): Promise<void> {
  const authorityId = world.authorityId
  const at = new Date('2026-12-02T10:00:00Z')
  const idOf = (n: number) => {
    const id = ids[n - 1]
    if (id === undefined) throw new Error(`No referral r${n}`)
    return id
  }
  const meetingOf = async (n: number) => {
    const row = await db.selectFrom('referral').select('meeting_id').where('id', '=', idOf(n)).executeTakeFirstOrThrow()
    if (row.meeting_id === null) throw new Error(`r${n} has a meeting`)
    return row.meeting_id
  }
  const outcomes: [number, 'yes' | 'no' | 'meeting_not_held', 'yes' | 'partly' | 'no' | null][] = [
    [1, 'yes', 'yes'],
    [2, 'yes', 'yes'],
    [3, 'yes', 'partly'],
    [4, 'yes', 'yes'],
    [5, 'no', 'no'],
    [6, 'meeting_not_held', null],
    [7, 'yes', 'yes'],
    [13, 'yes', 'yes'],
  ]
  for (const [n, attended, views] of outcomes) {
    await db
      .insertInto('review')
      .values({
        referral_id: idOf(n),
        authority_id: authorityId,
        advocate_attended: attended,
        views_heard: views,
        contact_count: 2,
        minutes_spent: 90,
        outcome_recorded_by: world.staff.admin.id,
        outcome_recorded_at: at,
      })
      .execute()
  }
  for (const [n, shared] of [
    [1, true],
    [2, true],
    [3, false],
  ] as const) {
    await db
      .insertInto('person_views')
      .values({
        referral_id: idOf(n),
        authority_id: authorityId,
        views: 'What I want the conference to hear',
        person_agreed_to_share: shared,
        agreed_on: shared ? '2026-11-20' : null,
        shared_at: shared ? new Date('2026-11-21T10:00:00Z') : null,
        shared_by: shared ? world.staff.admin.id : null,
      })
      .execute()
  }
  await db
    .insertInto('section_one')
    .values({ referral_id: idOf(2), authority_id: authorityId, interpreter_needed: true })
    .execute()
  type Ready = { report: boolean; chair: 'before' | 'on' | 'no'; fgc: 'offered' | 'accepted' | 'held' | 'not_possible'; interpreter?: boolean }
  const readiness: [number, Ready][] = [
    [1, { report: true, chair: 'before', fgc: 'accepted' }],
    [2, { report: true, chair: 'on', fgc: 'offered', interpreter: true }],
    [3, { report: true, chair: 'before', fgc: 'held' }],
    [4, { report: false, chair: 'before', fgc: 'offered' }],
    [5, { report: true, chair: 'no', fgc: 'not_possible' }],
    [13, { report: true, chair: 'before', fgc: 'held' }],
  ]
  for (const [n, ready] of readiness) {
    await db
      .insertInto('meeting_readiness')
      .values({
        meeting_id: await meetingOf(n),
        authority_id: authorityId,
        report_received_in_time: ready.report,
        chair_met_on: ready.chair === 'on' ? '2026-11-25' : null,
        chair_met_before: ready.chair === 'before' ? true : ready.chair === 'no' ? false : null,
        fgc_status: ready.fgc,
        fgc_why_not: ready.fgc === 'not_possible' ? 'Not enough time' : null,
        interpreter_booked: ready.interpreter ?? false,
        interpreter_language: ready.interpreter ? 'Polish' : null,
      })
      .execute()
  }
  // The children's answers. r1's first child's own referral (a draft: it counts in no period of its own here).
  const childrenOf = async (n: number) =>
    (
      await db
        .selectFrom('referral_child')
        .innerJoin('person', 'person.id', 'referral_child.person_id')
        .select('person.id')
        .where('referral_child.referral_id', '=', idOf(n))
        .orderBy('person.family_name')
        .execute()
    ).map((row) => row.id)
  const [first, second] = await childrenOf(1)
  const childReferral = await db
    .insertInto('referral')
    .values({ authority_id: authorityId, reference: 'RPT-CHILD', referrer_id: world.staff.referrer.id, person_id: first ?? null, state: 'draft' })
    .returning('id')
    .executeTakeFirstOrThrow()
  type Answer = { answer: 'waiting' | 'accepted' | 'declined'; who?: 'child' | 'someone_for_them'; referral?: string }
  const answers: [number, string | undefined, Answer][] = [
    [1, first, { answer: 'accepted', who: 'child', referral: childReferral.id }],
    [1, second, { answer: 'accepted', who: 'someone_for_them' }],
    [2, (await childrenOf(2))[0], { answer: 'declined', who: 'child' }],
    [3, (await childrenOf(3))[0], { answer: 'declined', who: 'someone_for_them' }],
    [4, (await childrenOf(4))[0], { answer: 'waiting' }],
    [7, (await childrenOf(7))[0], { answer: 'accepted', who: 'child' }],
  ]
  for (const [n, child, answer] of answers) {
    if (child === undefined) throw new Error(`r${n} names a child`)
    const forThem = answer.who === 'someone_for_them'
    await db
      .insertInto('child_advocacy_offer')
      .values({
        authority_id: authorityId,
        meeting_id: await meetingOf(n),
        person_id: child,
        answer: answer.answer,
        who_answered: answer.who ?? null,
        speaker_name: forThem ? 'Gran' : null,
        speaker_relationship: forThem ? 'Grandmother' : null,
        reason: forThem && answer.answer === 'declined' ? 'Too young to follow the conference' : null,
        answered_by: answer.who ? world.staff.admin.id : null,
        answered_at: answer.who ? at : null,
        child_referral_id: answer.referral ?? null,
      })
      .execute()
  }
}

/**
 * The people's voices for the annual evaluation's and the participation page's tests, beside the
 * quarterly dataset (load that first: these answers hang on its first referral). Every figure is
 * worked out by hand in `src/features/reports/annual/annual.int.test.ts`.
 *
 *  when               | answers | listened          | way (days after)                       | words, coded with               | quote agreed
 *  Q1 2026 (20 May)   | 6       | yes ×6            | kiosk ×6 (0)                           | 5, "Felt listened to" each      | one: "My advocate stood by me."
 *  Q2 2026 (20 Aug)   | 7       | yes ×4, a bit, no ×2 | kiosk ×3 (0), paper (3), paper (40), debrief ×2 (10) | 3: "Reports late"; "Jargon"; both | one: "The reports came late." (written "…, Sam")
 *  Q3 2025 (20 Nov 25)| 2       | yes ×2            | paper ×2 (5)                           | none                            | none
 *
 * A retired theme no one was coded with ("Parking") is left off the tables.
 */
export async function loadVoicesDataset(db: Kysely<Schema>, world: World): Promise<void> {
  const authorityId = world.authorityId
  const referral = await db
    .selectFrom('referral')
    .select(['id', 'meeting_id'])
    .where('reference', '=', 'RPT-1')
    .where('authority_id', '=', authorityId)
    .executeTakeFirstOrThrow()
  const meetingId = referral.meeting_id
  if (meetingId === null) throw new Error('The quarterly dataset’s first referral has a meeting')
  const at = new Date('2025-01-01T10:00:00Z')
  const theme = async (name: string, retired = false) =>
    (
      await db
        .insertInto('feedback_theme')
        .values({ authority_id: authorityId, name, created_at: at, updated_at: at, retired_at: retired ? at : null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const felt = await theme('Felt listened to')
  const late = await theme('Reports late')
  const jargon = await theme('Jargon')
  await theme('Parking', true)

  type Answer = {
    given: string
    channel: 'kiosk' | 'paper' | 'debrief'
    days: number
    listened: 'yes' | 'a_bit' | 'no'
    better?: string
    themes?: string[]
    quote?: string
  }
  const answers: Answer[] = [
    ...[1, 2, 3, 4, 5, 6].map((n): Answer => ({
      given: '2026-05-20',
      channel: 'kiosk',
      days: 0,
      listened: 'yes',
      ...(n <= 5 ? { better: `It went well ${n}`, themes: [felt] } : {}),
      ...(n === 1 ? { better: 'My advocate stood by me. Thanks Kim.', quote: 'My advocate stood by me.' } : {}),
    })),
    { given: '2026-08-20', channel: 'kiosk', days: 0, listened: 'yes', better: 'The reports came late, Sam', themes: [late], quote: 'The reports came late.' },
    { given: '2026-08-20', channel: 'kiosk', days: 0, listened: 'yes', better: 'Too many long words', themes: [jargon] },
    { given: '2026-08-20', channel: 'paper', days: 3, listened: 'no', better: 'Late reports full of jargon', themes: [late, jargon] },
    { given: '2026-08-20', channel: 'debrief', days: 10, listened: 'a_bit' },
    { given: '2026-08-20', channel: 'debrief', days: 10, listened: 'yes' },
    { given: '2026-08-20', channel: 'paper', days: 40, listened: 'yes' },
    { given: '2026-08-20', channel: 'kiosk', days: 0, listened: 'no' },
    { given: '2025-11-20', channel: 'paper', days: 5, listened: 'yes' },
    { given: '2025-11-20', channel: 'paper', days: 5, listened: 'yes' },
  ]
  for (const answer of answers) {
    const response = await db
      .insertInto('feedback_response')
      .values({
        authority_id: authorityId,
        referral_id: referral.id,
        meeting_id: meetingId,
        channel: answer.channel,
        language: 'en',
        listened: answer.listened,
        better: answer.better ?? null,
        days_after: answer.days,
        given_at: new Date(`${answer.given}T11:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (!answer.themes) continue
    await db
      .insertInto('feedback_coding')
      .values({
        response_id: response.id,
        authority_id: authorityId,
        may_quote: answer.quote ? 'yes' : 'no',
        quote: answer.quote ?? null,
        coded_by: world.staff.admin.id,
        coded_at: new Date(`${answer.given}T12:00:00Z`),
      })
      .execute()
    for (const themeId of answer.themes) {
      await db.insertInto('feedback_coding_theme').values({ response_id: response.id, theme_id: themeId, authority_id: authorityId }).execute()
    }
  }
}
