import { z } from 'zod'
import {
  commaList,
  oneOf,
  optionalDateInput,
  optionalEmailAddress,
  optionalOneOf,
  optionalText,
  recordVersion,
  requiredText,
  someOf,
  wholeNumber,
} from '../../../platform/http/form-fields.ts'
import { advocateKinds, languageLevels, specialisms, weekdays, type LanguageLevel } from '../../../vocabulary/advocates.ts'
import type { AdvocateDetails } from '../record.ts'

const language = () => optionalText('Language', 50)
const level = () => optionalOneOf(languageLevels.values, 'Select how well they speak it')

/** The questions of an advocate's record, as the coordinator keeps it (four rows of languages: see choices.ts). */
function fields(today: string) {
  return {
    kind: oneOf(advocateKinds.values, 'Select the kind of advocate'),
    givenName: requiredText('Enter their first name', 'First name', 100),
    familyName: requiredText('Enter their last name', 'Last name', 100),
    email: optionalEmailAddress('Enter their email address in the correct format, like name@example.com'),
    phone: optionalText('Phone number', 30),
    gender: optionalOneOf(['woman', 'man', 'non_binary'], 'Select their gender from the list'),
    heritage: optionalText('Cultural heritage', 200),
    livedExperience: optionalText('Lived experience', 2000),
    specialisms: someOf(specialisms.values, 'Select specialisms from the list'),
    areas: commaList('Areas', { maxItems: 20, maxLength: 60 }),
    availableDays: someOf(weekdays.values, 'Select days from the list'),
    capacity: wholeNumber('How many people they can support at once', { min: 0, max: 20, requiredMessage: 'Enter how many people they can support at once' }),
    dbsCheckedOn: optionalDateInput({ required: 'Enter the date of the DBS check', label: 'Date of the DBS check' }).refine(
      (date) => date === null || date <= today,
      {
        message: 'The date of the DBS check must be today or in the past',
        path: ['day'],
      },
    ),
    aboutMe: optionalText('About me', 2000),
    language1: language(),
    languageLevel1: level(),
    language2: language(),
    languageLevel2: level(),
    language3: language(),
    languageLevel3: level(),
    language4: language(),
    languageLevel4: level(),
  }
}

type Answers = z.output<z.ZodObject<ReturnType<typeof fields>>>

/** The record from the answers: each language row needs both a language and how well, and no language twice. */
function detailsFrom(form: Answers, context: z.RefinementCtx): AdvocateDetails {
  const rows: [number, string | null, LanguageLevel | null][] = [
    [1, form.language1, form.languageLevel1],
    [2, form.language2, form.languageLevel2],
    [3, form.language3, form.languageLevel3],
    [4, form.language4, form.languageLevel4],
  ]
  const languages: { language: string; level: LanguageLevel }[] = []
  for (const [row, spoken, how] of rows) {
    if (!spoken && !how) continue
    if (!spoken) {
      context.addIssue({ code: 'custom', path: [`language${row}`], message: 'Enter the language, or clear how well they speak it' })
      continue
    }
    if (!how) {
      context.addIssue({ code: 'custom', path: [`languageLevel${row}`], message: `Select how well they speak ${spoken}` })
      continue
    }
    if (languages.some((known) => known.language.toLowerCase() === spoken.toLowerCase())) {
      context.addIssue({ code: 'custom', path: [`language${row}`], message: `${spoken} is listed twice` })
      continue
    }
    languages.push({ language: spoken, level: how })
  }
  return {
    kind: form.kind,
    givenName: form.givenName,
    familyName: form.familyName,
    email: form.email,
    phone: form.phone,
    gender: form.gender,
    heritage: form.heritage,
    livedExperience: form.livedExperience,
    specialisms: form.specialisms,
    areas: form.areas,
    availableDays: form.availableDays,
    capacity: form.capacity,
    dbsCheckedOn: form.dbsCheckedOn,
    aboutMe: form.aboutMe,
    languages,
  }
}

/** A new advocate's record. */
export function newAdvocateSchema(today: string) {
  return z.object(fields(today)).transform((form, context) => detailsFrom(form, context))
}

/** A change to an advocate's record, with the version the page was opened on. */
export function advocateSchema(today: string) {
  return z
    .object({ ...fields(today), version: recordVersion() })
    .transform(({ version, ...form }, context) => ({ version, details: detailsFrom(form, context) }))
}
