import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { DataFolderInUseError, lockDataFolder } from './data-folder-lock.ts'

const folders: string[] = []
function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'alongside-lock-'))
  folders.push(made)
  return made
}

describe('the data folder lock', () => {
  after(() => {
    for (const made of folders) rmSync(made, { recursive: true, force: true })
  })

  test('one holder at a time; released, it can be taken again', async () => {
    const dataDir = folder()
    const lock = await lockDataFolder(dataDir)
    await assert.rejects(lockDataFolder(dataDir), DataFolderInUseError)
    await lock.release()
    const again = await lockDataFolder(dataDir)
    await again.release()
  })

  test('a lock file naming a process id that is in use again (this very process) does not keep anyone out', async () => {
    const dataDir = folder()
    // What an earlier version left after a crash, when the same id went to a new process (PID 1 in a container).
    writeFileSync(join(dataDir, 'alongside.lock'), String(process.pid))
    const lock = await lockDataFolder(dataDir)
    await lock.release()
  })

  test('a holder killed with SIGKILL leaves no lock behind', async () => {
    const dataDir = folder()
    const script = `import { lockDataFolder } from ${JSON.stringify(new URL('./data-folder-lock.ts', import.meta.url).href)}
      await lockDataFolder(${JSON.stringify(dataDir)})
      console.log('held')
      setInterval(() => {}, 1000)`
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (String(chunk).includes('held')) resolve()
      })
      child.once('exit', () => reject(new Error('the holder exited before taking the lock')))
    })
    await assert.rejects(lockDataFolder(dataDir), DataFolderInUseError, 'held by the other process')
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
    const lock = await lockDataFolder(dataDir)
    await lock.release()
  })
})
