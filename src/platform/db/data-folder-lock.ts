import { createHash } from 'node:crypto'
import { mkdirSync, realpathSync, rmSync } from 'node:fs'
import { connect, createServer, type Server } from 'node:net'
import { join } from 'node:path'

export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError'
}

export interface DataFolderLock {
  release(): Promise<void>
}

/**
 * Where the lock lives. It is a listening socket, which the operating system closes the moment its
 * process dies, however it dies (kill -9 included), so a crash never leaves a lock behind, and a
 * process id used again by another process (in a container the service is always PID 1) can never
 * be mistaken for the holder. On Linux the socket is in the abstract namespace (no file at all), on
 * Windows it is a named pipe; elsewhere it is a socket file in the folder, and one nobody answers on
 * is left by a process that died.
 */
function lockAddress(dataDir: string): { address: string; file: string | null } {
  const folder = realpathSync(dataDir)
  const key = createHash('sha256').update(folder).digest('hex').slice(0, 32)
  if (process.platform === 'linux') return { address: `\0alongside-data-${key}`, file: null }
  if (process.platform === 'win32') return { address: `\\\\?\\pipe\\alongside-data-${key}`, file: null }
  const file = join(folder, 'alongside.lock.sock')
  return { address: file, file }
}

function listen(address: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy())
    server.once('error', reject)
    server.listen(address, () => {
      server.off('error', reject)
      // The lock must never keep the process alive on its own.
      server.unref()
      resolve(server)
    })
  })
}

/** Whether a live process answers on a socket file (only where there is one). */
function answers(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(file)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

function inUse(dataDir: string): DataFolderInUseError {
  return new DataFolderInUseError(`The data folder ${dataDir} is already open in another process. Stop that process, or set DATA_DIR to another folder.`)
}

/**
 * Takes the data folder for this process alone. PGlite would corrupt a folder that two processes
 * open at once, so a second process is refused with a clear message.
 */
export async function lockDataFolder(dataDir: string): Promise<DataFolderLock> {
  mkdirSync(dataDir, { recursive: true })
  // An earlier version kept a process id in this file; it proves nothing, and is not looked at.
  rmSync(join(dataDir, 'alongside.lock'), { force: true })
  const { address, file } = lockAddress(dataDir)
  let server: Server
  try {
    server = await listen(address)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    if (file === null || (await answers(file))) throw inUse(dataDir)
    rmSync(file, { force: true })
    try {
      server = await listen(address)
    } catch (retry) {
      if ((retry as NodeJS.ErrnoException).code === 'EADDRINUSE') throw inUse(dataDir)
      throw retry
    }
  }
  let released = false
  return {
    async release() {
      if (released) return
      released = true
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
