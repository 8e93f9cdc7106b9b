import { defineConfig } from '@playwright/test'

/**
 * Journeys in Debian's Chromium (never a downloaded browser), against the real service started on
 * a fresh database with the demo data. One worker: the machine has two cores and the journeys share
 * one service. They run while the integration tests do (scripts/test.ts), so their time limits are
 * there to end a journey that hangs, with room for a busy machine, and never a measure of speed.
 */
const port = 3100

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 600_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    javaScriptEnabled: true,
    // The flags the project's standards name, and the GPU's work done in the browser process: one
    // process and its messages fewer, about 4 % of Chromium's CPU on the workflow journeys (ADR 28).
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--in-process-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node e2e/support/start-service.ts ${port}`,
    url: `http://127.0.0.1:${port}/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
