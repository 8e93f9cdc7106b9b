import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createTranslations } from '../../platform/i18n/translations.ts'
import { londonInstant, meetingReminder, reminderKey } from './meeting-reminder.ts'

const translations = createTranslations()

test('a UK wall-clock time is the right instant in winter and in summer', () => {
  assert.equal(londonInstant('2026-12-15', '10:00').toISOString(), '2026-12-15T10:00:00.000Z')
  assert.equal(londonInstant('2026-07-01', '10:00').toISOString(), '2026-07-01T09:00:00.000Z')
})

test('a reminder says the day and time in GOV.UK style, that the advocate can help, and where to sign in: nothing else', () => {
  const { t } = translations.translator('en')
  const message = meetingReminder(t, { date: '2026-12-15', time: '10:00' }, 'https://alongside.example/your-advocacy')
  assert.equal(message.subject, 'A reminder from Alongside')
  assert.equal(
    message.text,
    'You have a meeting on Tuesday 15 December 2026 at 10am. Your advocate can help. Sign in to Alongside to see more.\n\nhttps://alongside.example/your-advocacy',
  )
  assert.match(meetingReminder(t, { date: '2026-12-15', time: null }, 'u').text, /^You have a meeting on Tuesday 15 December 2026\. Your advocate/)
  assert.doesNotMatch(message.text, /child|protection|conference|social worker/i)
})

test('in Spanish and Arabic, from their catalogues', () => {
  const spanish = meetingReminder(translations.translator('es').t, { date: '2026-12-15', time: '10:00' }, 'u')
  assert.match(spanish.text, /^Tiene una reunión el martes 15 de diciembre de 2026 a las 10:00\./)
  const arabic = meetingReminder(translations.translator('ar').t, { date: '2026-12-15', time: '10:00' }, 'u')
  assert.match(arabic.text, /^لديك اجتماع/)
  assert.equal(arabic.subject, 'تذكير من Alongside')
})

test('one reminder per meeting day and time', () => {
  assert.equal(reminderKey('r1', { date: '2026-12-15', time: '10:00' }), 'meeting-reminder:r1:2026-12-15:10:00')
  assert.notEqual(reminderKey('r1', { date: '2026-12-15', time: '10:00' }), reminderKey('r1', { date: '2026-12-16', time: '10:00' }))
})
