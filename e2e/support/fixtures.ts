import { createHash } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import axe from 'axe-core'
import { test as base, expect, type Page } from '@playwright/test'
import { axeExceptions, axeNodeExceptions } from './axe-exceptions.ts'

/**
 * Journeys use this `test`: its `page` counts every document the browser loads, and at the end of
 * each test fails unless axe has checked every one of them. So "axe on every page visited" is not a
 * habit but a rule the test enforces. `pageWithoutJavaScript` is the same, in a browser context of
 * its own with JavaScript turned off. Violations fail the test unless an entry in axe-exceptions.ts
 * (a whole rule, or one narrowly described failure) says why not.
 */

interface AccessibilityLedger {
  loads: number
  checked: Set<number>
  urls: Map<number, string>
}

const ledgers = new WeakMap<Page, AccessibilityLedger>()

/** Pages whose browser context has JavaScript turned off. */
const withoutJavaScript = new WeakSet<Page>()

/**
 * axe's source, run only where axe is not there yet: `AxeBuilder` in legacy mode evaluates it twice
 * a check (once to see which mode it may use, once more as it injects into the page's frames), and
 * each evaluation cost the browser about a tenth of a second.
 */
const axeOnce = `if (!window.axe) {\n${axe.source}\n}`

/**
 * axe as these journeys need it, and no more work for the browser (measured: a run's axe time
 * from 138 s to 44 s on the evaluation and information journeys):
 * - only the violations are gathered: the passes and the incomplete ones, each with its nodes'
 *   HTML, were half the work on a long page, and the journeys never read them;
 * - axe runs in the page itself (`axe.run`, "legacy mode"), not part by part and then finished in a
 *   blank page opened for each check. What legacy mode gives up is looking inside frames from
 *   another origin, and the service's pages have no frames at all: `kindOf` fails any that does.
 */
function axeFor(page: Page): AxeBuilder {
  return new AxeBuilder({ page, axeSource: axeOnce })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .disableRules(axeExceptions.map((exception) => exception.rule))
    .setLegacyMode(true)
}

/**
 * The kinds of page axe has already checked in this run (one worker runs every journey), by
 * structure: a page built of the same elements, with the same roles, classes, attributes, language
 * and direction, differs from one already checked only in its words and record ids, which axe's
 * rules do not turn on; checking it again cost about a second of a busy browser each time (ADR 28).
 */
const kindsChecked = new Set<string>()

/**
 * The page's structure, not its words: every element's tag and attributes (record ids and numbers
 * made general) and whether it holds text; a run of siblings built alike (a table's rows, a list's
 * items) counts as one, so a list one row longer is the same kind of page.
 */
async function kindOf(page: Page): Promise<string> {
  const structure = await page.evaluate(() => {
    const general = (value: string) => value.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '#').replace(/\d+/g, '0')
    const unread = ['nonce', 'value', 'href', 'src', 'action', 'content', 'datetime', 'placeholder', 'title', 'alt', 'aria-label']
    const shape = (element: Element): string => {
      const attributes = [...element.attributes]
        .filter((attribute) => !unread.includes(attribute.name))
        .map((attribute) => `${attribute.name}=${general(attribute.value)}`)
        .sort()
      // Whether the texts axe reads are there at all (an image's alternative, a title, a label), not what they say.
      const named = ['alt', 'title', 'aria-label']
        .map((name) => (element.getAttribute(name) === null ? '-' : element.getAttribute(name)?.trim() ? 'n' : 'e'))
        .join('')
      const text = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '') ? 't' : ''
      const children: string[] = []
      for (const child of element.children) {
        const childShape = shape(child)
        if (children[children.length - 1] !== childShape) children.push(childShape)
      }
      return `${element.tagName}[${attributes.join(' ')}]${named}${text}(${children.join(',')})`
    }
    return { frames: document.querySelectorAll('iframe, frame, object, embed').length, shape: shape(document.documentElement) }
  })
  expect(structure.frames, `${page.url()} embeds a frame, which axe as set up here would not look inside`).toBe(0)
  return `${withoutJavaScript.has(page) ? 'no-js' : 'js'}:${createHash('sha256').update(structure.shape).digest('hex')}`
}

export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState('load')
  const kind = await kindOf(page)
  const ledger = ledgers.get(page)
  if (kindsChecked.has(kind)) {
    if (ledger) ledger.checked.add(ledger.loads)
    return
  }
  const results = withoutJavaScript.has(page) ? await analyzeWithoutJavaScript(page) : await axeFor(page).analyze()
  const violations = results.violations
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.filter((node) => !axeNodeExceptions.some((exception) => exception.rule === violation.id && exception.covers(node))),
    }))
    .filter((violation) => violation.nodes.length > 0)
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
      failures: violation.nodes.map((node) => node.failureSummary).slice(0, 5),
    }))
  expect(violations, `axe violations on ${page.url()}`).toEqual([])
  kindsChecked.add(kind)
  if (ledger) ledger.checked.add(ledger.loads)
}

/**
 * axe is a script, and cannot finish in a page where scripts may not run. So a page loaded with
 * JavaScript off is checked as a copy: the document exactly as that browser built it (its scripts
 * never ran; they are left out of the copy so they cannot run now), served at the same address with
 * the service's own styles, in a browser context of its own where axe can run.
 */
async function analyzeWithoutJavaScript(page: Page) {
  const browser = page.context().browser()
  if (!browser) throw new Error('No browser to check the page in')
  const address = page.url().split('#')[0] ?? page.url()
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '')
  const context = await browser.newContext({ viewport: page.viewportSize() })
  try {
    const copy = await context.newPage()
    await copy.route('**/*', async (route) => {
      const request = route.request()
      if (request.url() === address) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      if (request.resourceType() === 'script') return route.abort()
      return route.continue()
    })
    await copy.goto(address)
    return await axeFor(copy).analyze()
  } finally {
    await context.close()
  }
}

/** Starts counting the documents a page loads; the function returned fails if any went unchecked. */
function watchLoads(page: Page): () => void {
  const ledger: AccessibilityLedger = { loads: 0, checked: new Set(), urls: new Map() }
  ledgers.set(page, ledger)
  page.on('load', () => {
    ledger.loads += 1
    ledger.urls.set(ledger.loads, page.url())
  })
  return () => {
    const unchecked = [...ledger.urls].filter(([load]) => !ledger.checked.has(load)).map(([, url]) => url)
    expect(unchecked, 'pages loaded but never checked with axe').toEqual([])
  }
}

export const test = base.extend<{ pageWithoutJavaScript: Page }>({
  page: async ({ page }, use) => {
    const everyLoadChecked = watchLoads(page)
    await use(page)
    everyLoadChecked()
  },
  pageWithoutJavaScript: async ({ browser, baseURL }, use) => {
    const context = await browser.newContext({ javaScriptEnabled: false, ...(baseURL ? { baseURL } : {}) })
    try {
      const page = await context.newPage()
      withoutJavaScript.add(page)
      const everyLoadChecked = watchLoads(page)
      await use(page)
      everyLoadChecked()
    } finally {
      await context.close()
    }
  },
})

export { expect }
