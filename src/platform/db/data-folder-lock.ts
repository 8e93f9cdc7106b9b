import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs'
import { join } from 'node:path'

export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError'
}

const LOCK_FILE = 'alongside.lock'

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes the data folder for this process alone. PGlite would corrupt a folder that two processes
 * open at once, so a second process is refused with a clear message. A lock left by a process that
 * has died is taken over.
 */
export function lockDataFolder(dataDir: string): { release(): void } {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const descriptor = openSync(path, 'wx')
      writeSync(descriptor, String(process.pid))
      closeSync(descriptor)
      let released = false
      return {
        release() {
          if (released) return
          released = true
          rmSync(path, { force: true })
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10)
      if (Number.isInteger(holder) && isRunning(holder)) {
        throw new DataFolderInUseError(
          `The data folder ${dataDir} is already open in another process (pid ${holder}). ` + 'Stop that process, or set DATA_DIR to another folder.',
        )
      }
      rmSync(path, { force: true })
    }
  }
  throw new DataFolderInUseError(`Could not take the data folder ${dataDir}; try again.`)
}
