import { z } from 'zod'
import { WORD_MAX_LENGTH } from '../word-rules.ts'

/**
 * The family sign-in forms. Their messages are keys of the family catalogue, shown in the person's
 * language by the page. A word is kept as typed, but for its spaces at either end and its Unicode
 * form (so the same word typed on another phone is the same word).
 */

const typedWord = z.preprocess(
  (value) => (typeof value === 'string' ? value.normalize('NFC').trim() : value === undefined ? '' : value),
  z.string({ error: 'signIn.error.refused' }).max(WORD_MAX_LENGTH * 4, 'word.error.tooLong'),
)

const code = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : value),
  z.string({ error: 'signIn.error.codeMissing' }).min(1, 'signIn.error.codeMissing').max(100, 'signIn.error.refused'),
)

export const signInSchema = z.object({ code, word: typedWord })

export const chooseWordSchema = z.object({ code, word: typedWord, confirmation: typedWord })
