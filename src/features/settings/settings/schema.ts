import { z } from 'zod'
import { oneOf, recordVersion, wholeNumber } from '../../../platform/http/form-fields.ts'
import { bankHolidayRegions } from '../../../platform/time/bank-holidays.ts'
import { settingLimits, type SettingKey } from '../settings.ts'

/** Each setting's question on the page. */
export const questions: Readonly<Record<SettingKey, { label: string; hint: string; suffix: string }>> = {
  dbsValidMonths: { label: 'How long a DBS check counts for', hint: 'After this, the advocate cannot be offered work until it is renewed', suffix: 'months' },
  oneToOneWithinWeeks: {
    label: 'How recent a peer advocate’s last one-to-one supervision must be',
    hint: 'Older than this, they cannot be offered work',
    suffix: 'weeks',
  },
  groupSessionsRequired: {
    label: 'How many group supervision sessions a peer advocate must attend',
    hint: 'Of those held in the period below',
    suffix: 'sessions',
  },
  groupWindowWeeks: { label: 'Over what period group supervision is counted', hint: 'The weeks before today', suffix: 'weeks' },
  offerResponseHours: { label: 'How long an advocate has to answer an offer', hint: 'After this, the offer goes back to FGC Advocacy Admin', suffix: 'hours' },
}

function answer(key: SettingKey) {
  return wholeNumber(questions[key].label, { ...settingLimits[key], requiredMessage: `Enter ${questions[key].label.toLowerCase()}` })
}

export const settingsSchema = z.object({
  dbsValidMonths: answer('dbsValidMonths'),
  oneToOneWithinWeeks: answer('oneToOneWithinWeeks'),
  groupSessionsRequired: answer('groupSessionsRequired'),
  groupWindowWeeks: answer('groupWindowWeeks'),
  offerResponseHours: answer('offerResponseHours'),
  bankHolidayRegion: oneOf(bankHolidayRegions.values, 'Select which bank holidays your authority keeps'),
  /** The version of the settings the page was opened on. */
  version: recordVersion(),
})

export const regionOptions = bankHolidayRegions.values.map((value) => ({ value, text: bankHolidayRegions.labels[value] }))
