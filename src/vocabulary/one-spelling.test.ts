import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { advocateKinds } from './advocates.ts'
import { advocateTypes } from './referrals.ts'

/**
 * Issue 8, item 18: the decision said "Peer parent advocate" and everything else "Parent peer
 * advocate". The vocabulary spells it once (ADR 11); this keeps any other spelling from coming
 * back, in the code, the pages, the journeys or the documents.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const self = relative(root, fileURLToPath(import.meta.url))

function* files(folder: string): Generator<string> {
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else if (/\.(ts|njk|md|js|css)$/.test(entry.name)) yield path
  }
}

test('an advocate who is a parent is a "Parent peer advocate", everywhere', () => {
  assert.equal(advocateKinds.label('parent_peer_advocate'), 'Parent peer advocate')
  assert.equal(advocateTypes.label('parent_peer_advocate'), 'Parent peer advocate', 'the decision uses the pool’s word')
  const elsewhere = ['src', 'e2e', 'test', 'docs']
    .flatMap((folder) => [...files(folder)])
    .concat(['README.md', 'CHANGELOG.md', 'CONTRIBUTING.md'])
    .filter((path) => path !== self)
    .filter((path) => /peer[\s-]+parent[\s-]+advocate/i.test(readFileSync(join(root, path), 'utf8')))
  assert.deepEqual(elsewhere, [], 'files that spell it another way')
})
