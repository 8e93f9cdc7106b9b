/**
 * The advocate pool's words: types, stages of the peer advocate programme, the training modules
 * (from the peer advocate programme's own page), specialisms, language levels and days.
 */

import { labelled, type ValueOf } from './labelled.ts'

export const advocateKinds = labelled({
  parent_peer_advocate: 'Parent peer advocate',
  professional_advocate: 'Professional advocate',
})

export type AdvocateKind = ValueOf<typeof advocateKinds>

/** An advocate's gender, as matching compares it with the person's preference. */
export const genders = labelled({
  woman: 'Woman',
  man: 'Man',
  non_binary: 'Non-binary',
})

export type Gender = ValueOf<typeof genders>

export const supervisionKinds = labelled({
  one_to_one: 'One-to-one',
  group: 'Group',
})

export type SupervisionKind = ValueOf<typeof supervisionKinds>

/** Where someone is in the peer advocate programme (professional advocates are active, resting or left). */
export const stages = labelled({
  application: 'Application',
  conversation: 'Conversation',
  references: 'References',
  dbs: 'DBS check',
  training: 'Training',
  accreditation: 'Accreditation',
  active: 'Active',
  resting: 'Resting',
  left: 'Left',
})

export type Stage = ValueOf<typeof stages>

/** The stages in the order an applicant moves through them. */
export const pipeline: readonly Stage[] = ['application', 'conversation', 'references', 'dbs', 'training', 'accreditation', 'active', 'resting', 'left']

/** The eight-week training, module by module. The advocacy module is accredited at Level 2. */
export const modules = labelled({
  advocacy_skills: 'Advocacy skills and the role of the parent advocate',
  legal_framework: 'The child protection legal framework and parents’ rights',
  conferences: 'Child protection conferences',
  professionals_concerns: 'Understanding professionals’ concerns',
  safeguarding: 'Safeguarding',
  data_protection: 'Data protection and safe data handling',
})

export type ModuleKey = ValueOf<typeof modules>

/** The module accredited by the Open College Network at Level 2. */
export const ACCREDITED_MODULE: ModuleKey = 'advocacy_skills'

/** What each of the eight weekly sessions covers. */
export const weeklySessions: readonly ModuleKey[] = [
  'advocacy_skills',
  'advocacy_skills',
  'legal_framework',
  'conferences',
  'professionals_concerns',
  'safeguarding',
  'data_protection',
  'advocacy_skills',
]

export const specialisms = labelled({
  learning_disability: 'Learning disability',
  dyslexia: 'Dyslexia awareness',
  autism: 'Autism',
  mental_health: 'Mental health',
  domestic_abuse: 'Domestic abuse',
  substance_use: 'Drug and alcohol use',
  fathers: 'Working with fathers',
  young_parents: 'Young parents',
  deaf: 'Deaf people (BSL)',
  care_experienced: 'Care-experienced parents',
  children: 'Advocacy for children and young people',
})

export type Specialism = ValueOf<typeof specialisms>

export const languageLevels = labelled({
  basic: 'Basic',
  conversational: 'Conversational',
  fluent: 'Fluent',
  first_language: 'First language',
})

export type LanguageLevel = ValueOf<typeof languageLevels>

export const weekdays = labelled({
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
})

export type Weekday = ValueOf<typeof weekdays>
