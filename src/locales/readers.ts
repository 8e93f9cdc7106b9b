/**
 * Who reads each message catalogue. Catalogues hold the words families read (ADR 16: staff pages
 * are written in English in their templates), so every namespace is checked for plain language
 * (`plain-language.test.ts`: a reading age of 11 or under, no sentence over 20 words, no word with
 * a plainer one) unless it is named here, with the reason families never read it.
 */
export const notReadByFamilies: Readonly<Record<string, string>> = {}
