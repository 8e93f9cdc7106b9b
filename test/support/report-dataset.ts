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
      .values({ authority_id: authorityId, type: spec.conference ? 'initial_conference' : 'child_in_need_review', meeting_date: '2026-12-01' })
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
