import { advocateKinds, languageLevels, pipeline, specialisms, stages, weekdays } from '../../vocabulary/advocates.ts'

/** The advocate's vocabularies as the pages show them: choices for the forms, words for the values. */

export const LANGUAGE_ROWS = 4

export const options = {
  kinds: advocateKinds.values.map((value) => ({ value, text: advocateKinds.labels[value] })),
  levels: languageLevels.values.map((value) => ({ value, text: languageLevels.labels[value] })),
  specialisms: specialisms.values.map((value) => ({ value, text: specialisms.labels[value] })),
  days: weekdays.values.map((value) => ({ value, text: weekdays.labels[value] })),
  stages: pipeline.map((value) => ({ value, text: stages.labels[value] })),
  languageRows: Array.from({ length: LANGUAGE_ROWS }, (_, index) => index + 1),
}

export const labels = {
  kinds: advocateKinds.labels,
  levels: languageLevels.labels,
  specialisms: specialisms.labels,
  days: weekdays.labels,
  stages: stages.labels,
}
