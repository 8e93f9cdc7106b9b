import { z } from 'zod'
import {
  commaList,
  oneOf,
  optionalDateInput,
  optionalOneOf,
  optionalText,
  recordVersion,
  requiredText,
  someOf,
  wholeNumber,
} from '../../platform/http/form-fields.ts'
import { advocateKinds, languageLevels, specialisms, stages, weekdays } from '../../vocabulary/advocates.ts'

export const LANGUAGE_ROWS = 4

const languageRows = Object.fromEntries(
  Array.from({ length: LANGUAGE_ROWS }, (_, index) => [
    [`language${index + 1}`, optionalText('Language', 50)],
    [`languageLevel${index + 1}`, optionalOneOf(languageLevels.values, 'Select how well they speak it')],
  ]).flat(),
) as Record<string, z.ZodType>

/** An advocate's record, as the coordinator keeps it. */
export function advocateSchema(today: string) {
  return z
    .object({
      kind: oneOf(advocateKinds.values, 'Select the kind of advocate'),
      givenName: requiredText('Enter their first name', 'First name', 100),
      familyName: requiredText('Enter their last name', 'Last name', 100),
      email: optionalText('Email address', 320),
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
      ...languageRows,
    })
    .transform((form, context) => {
      const raw = form as unknown as Record<string, string | null>
      const languages: { language: string; level: (typeof languageLevels.values)[number] }[] = []
      for (let row = 1; row <= LANGUAGE_ROWS; row += 1) {
        const language = raw[`language${row}`]
        const level = raw[`languageLevel${row}`] as (typeof languageLevels.values)[number] | null
        if (!language && !level) continue
        if (!language) {
          context.addIssue({ code: 'custom', path: [`language${row}`], message: 'Enter the language, or clear how well they speak it' })
          continue
        }
        if (!level) {
          context.addIssue({ code: 'custom', path: [`languageLevel${row}`], message: `Select how well they speak ${language}` })
          continue
        }
        if (languages.some((spoken) => spoken.language.toLowerCase() === language.toLowerCase())) {
          context.addIssue({ code: 'custom', path: [`language${row}`], message: `${language} is listed twice` })
          continue
        }
        languages.push({ language, level })
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
    })
}

export const stageSchema = z.object({ stage: oneOf(stages.values, 'Select a stage'), version: recordVersion() })
