/**
 * `npm run bench:generate -- --scale small [--database-url URL | --data-dir DIR] [--drop]`: makes a
 * bench dataset (see generate.ts) and prints how long each step took. With `--database-url`, on
 * PostgreSQL (the database is created if missing; `--drop` drops it and ends); with `--data-dir`, in
 * the embedded database kept in that folder; `--scale embedded` needs a folder. A database already
 * holding the dataset is left as it is.
 */
import { parseArgs } from 'node:util'
import { describePlace, dropPostgresDatabase, ensureDataset, openPlace } from './datasets.ts'
import { isScaleName, scales } from './scales.ts'

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    drop: { type: 'boolean', default: false },
  },
})

const scale = values.scale
if (!isScaleName(scale)) throw new Error(`--scale is one of ${Object.keys(scales).join(', ')}, not ${scale}`)
const postgresUrl = values['database-url']
if (values.drop) {
  if (!postgresUrl) throw new Error('--drop needs --database-url (an embedded database is a folder: delete it)')
  await dropPostgresDatabase(postgresUrl)
  console.log(`Dropped ${new URL(postgresUrl).pathname.slice(1)}`)
} else {
  if (!postgresUrl && !values['data-dir']) throw new Error('Name where the dataset goes: --database-url or --data-dir')
  if (scale === 'embedded' && postgresUrl) throw new Error('The embedded scale is for the embedded database: use --data-dir')
  const place = { scale, postgresUrl, dataDir: values['data-dir'] }
  const database = await openPlace(place)
  try {
    const { generated } = await ensureDataset(database, scale)
    if (!generated) console.log(`${describePlace(place)} already holds the ${scale} dataset`)
  } finally {
    await database.close()
  }
}
