import { PGliteDialect, PGliteDriver, type DatabaseConnection, type Driver } from 'kysely'

/**
 * PGlite is one connection. Kysely's PGlite driver hands that one connection to every caller at
 * once, so a query from one request could run inside another request's transaction. This driver
 * queues callers instead: a connection (and any transaction on it) belongs to one caller until it
 * is released, exactly as a pool of one would behave.
 */
class SerialisedPGliteDriver extends PGliteDriver {
  #queue: Promise<void> = Promise.resolve()
  #release: (() => void) | undefined

  override async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue
    let release!: () => void
    this.#queue = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    this.#release = release
    return super.acquireConnection()
  }

  override async releaseConnection(): Promise<void> {
    const release = this.#release
    this.#release = undefined
    release?.()
  }
}

export class SerialisedPGliteDialect extends PGliteDialect {
  readonly #config: ConstructorParameters<typeof PGliteDialect>[0]

  constructor(config: ConstructorParameters<typeof PGliteDialect>[0]) {
    super(config)
    this.#config = config
  }

  override createDriver(): Driver {
    return new SerialisedPGliteDriver(this.#config)
  }
}
