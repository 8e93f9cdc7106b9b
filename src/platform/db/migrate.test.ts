import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { migrationsInFolder } from './migrate.ts'

describe('migrations', () => {
  test('every file in the folder is a migration, named so they sort in the order they run, each numbered once', async () => {
    const files = readdirSync(fileURLToPath(new URL('./migrations/', import.meta.url)))
    for (const file of files) assert.match(file, /^\d{4}-[a-z0-9-]+\.ts$/, `${file} is named like 0007-what-it-does.ts`)
    const names = Object.keys(await migrationsInFolder())
    assert.equal(names.length, files.length, 'every file is run')
    assert.deepEqual(names, [...names].sort())
    const numbers = names.map((name) => name.slice(0, 4))
    assert.equal(new Set(numbers).size, numbers.length, 'no two migrations share a number')
    assert.equal(names[0], '0001-foundation')
  })
})
