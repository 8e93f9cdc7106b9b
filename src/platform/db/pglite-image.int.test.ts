import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, test } from 'node:test'
import { sql } from 'kysely'
import { migratedImage } from '../../../test/support/database.ts'
import { openPGliteFromImage } from './database.ts'

const digest = (bytes: ArrayBuffer) => createHash('sha256').update(new Uint8Array(bytes)).digest('hex')

/**
 * Every test database on PGlite is opened from one image held in memory and shared, not copied
 * (the copy cost each file 80 ms): that holds only while opening and using a database leaves the
 * image as it was, and each database its own. The image is the one the process's other test files
 * open theirs from (`migratedPGliteImage`'s, kept on disk), so this checks the very bytes they share.
 */
describe('databases opened from one PGlite image', () => {
  test('are each their own, and leave the image untouched', async () => {
    const image = await migratedImage()
    const before = digest(image)
    const first = await openPGliteFromImage(image, ['shared_buffers=16MB'])
    const second = await openPGliteFromImage(image)
    try {
      await sql`create table written_here (words text)`.execute(first.db)
      await sql`insert into written_here values (${'x'.repeat(100_000)})`.execute(first.db)
      const inSecond = await sql<{ found: string | null }>`select to_regclass('written_here')::text as found`.execute(second.db)
      assert.equal(inSecond.rows[0]?.found, null, 'a table made in one database is not in another opened from the same image')
      const settings = await sql<{ first: string }>`select current_setting('shared_buffers') as first`.execute(first.db)
      assert.equal(settings.rows[0]?.first, '16MB', 'the settings given reach PostgreSQL')
    } finally {
      await first.close()
      await second.close()
    }
    assert.equal(digest(image), before, 'the image is byte for byte as it was')
  })
})
