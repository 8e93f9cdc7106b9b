/**
 * The equality questions a person's record asks (the family-led enquiry asks the service to show it
 * reaches fathers, young parents and minority groups), each with "Prefer not to say". Ethnicity is
 * the national census's (ONS 2021, England) 19 categories; each stored value starts with its group's
 * name (`asian_`, `black_`, `mixed_`, `white_`, `other_`), which the reports split by.
 */

import { labelled, type ValueOf } from './labelled.ts'

export const PREFER_NOT_TO_SAY = 'prefer_not_to_say'

export const relationshipsToChild = labelled({
  mother: 'Mother',
  father: 'Father',
  other_carer: 'Another carer',
  prefer_not_to_say: 'Prefer not to say',
})

export const ethnicities = labelled({
  asian_bangladeshi: 'Asian, Asian British or Asian Welsh: Bangladeshi',
  asian_chinese: 'Asian, Asian British or Asian Welsh: Chinese',
  asian_indian: 'Asian, Asian British or Asian Welsh: Indian',
  asian_pakistani: 'Asian, Asian British or Asian Welsh: Pakistani',
  asian_other: 'Asian, Asian British or Asian Welsh: any other Asian background',
  black_african: 'Black, Black British, Black Welsh, Caribbean or African: African',
  black_caribbean: 'Black, Black British, Black Welsh, Caribbean or African: Caribbean',
  black_other: 'Black, Black British, Black Welsh, Caribbean or African: any other Black, Black British or Caribbean background',
  mixed_white_asian: 'Mixed or Multiple ethnic groups: White and Asian',
  mixed_white_black_african: 'Mixed or Multiple ethnic groups: White and Black African',
  mixed_white_black_caribbean: 'Mixed or Multiple ethnic groups: White and Black Caribbean',
  mixed_other: 'Mixed or Multiple ethnic groups: any other Mixed or Multiple ethnic background',
  white_british: 'White: English, Welsh, Scottish, Northern Irish or British',
  white_irish: 'White: Irish',
  white_gypsy_traveller: 'White: Gypsy or Irish Traveller',
  white_roma: 'White: Roma',
  white_other: 'White: any other White background',
  other_arab: 'Other ethnic group: Arab',
  other_any: 'Other ethnic group: any other ethnic group',
  prefer_not_to_say: 'Prefer not to say',
})

/** The census's five high-level groups, which the reports split by (the 19 would be withheld almost everywhere). */
export const ethnicGroups = labelled({
  asian: 'Asian, Asian British or Asian Welsh',
  black: 'Black, Black British, Black Welsh, Caribbean or African',
  mixed: 'Mixed or Multiple ethnic groups',
  white: 'White',
  other: 'Other ethnic group',
})

export const disabilityAnswers = labelled({
  yes: 'Yes',
  no: 'No',
  prefer_not_to_say: 'Prefer not to say',
})

export type RelationshipToChild = ValueOf<typeof relationshipsToChild>
export type Ethnicity = ValueOf<typeof ethnicities>
export type EthnicGroup = ValueOf<typeof ethnicGroups>
export type DisabilityAnswer = ValueOf<typeof disabilityAnswers>
