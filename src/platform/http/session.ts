import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { SignedInUser } from '../auth/roles.ts'
import { isWellFormedSessionId, newSessionId, type Sessions } from '../auth/sessions.ts'
import { boundedAnswers } from './form-fields.ts'
import { locationPath } from './locations.ts'

/**
 * Finds who is behind each request. Every browser holds a random session id in a cookie; once it
 * has signed in, that id names a row in the database. Also carries the "flash": what one request
 * leaves for the next page (a form's errors and answers, a success message).
 */

export interface FormState {
  readonly values: Record<string, unknown>
  readonly errors: readonly FieldError[]
  /** Why the answers were kept, e.g. the user was signed out part-way through. */
  readonly notice?: 'timed-out' | 'conflict'
}

export interface FieldError {
  /** The field's name; the error summary links to the input with this id. */
  readonly field: string
  readonly message: string
  /** Where the summary's link goes, when not the field itself (e.g. the day of a date). */
  readonly href?: string
}

export interface Banner {
  readonly heading: string
  readonly text?: string
  readonly type?: 'success' | 'important'
}

interface PageFlash {
  form?: FormState
  banner?: Banner
}

type SessionFlash = { forms?: Record<string, FormState>; banner?: Banner }

declare module 'fastify' {
  interface FastifyRequest {
    sessionId: string
    /** Who is signed in, or null. */
    user: SignedInUser | null
    /** The name of the signed-in person's authority, read with their session (for every page's header), or null. */
    userAuthorityName: string | null
    /** Set when the browser's session has timed out: whose it was. */
    timedOut: { readonly userId: string; readonly authorityId: string } | null
    /** What the previous request left for this page (taken once). */
    pageFlash: PageFlash
  }
  interface FastifyReply {
    /** Sends the browser back to `path`, which will show these answers and errors (GOV.UK pattern). */
    redirectWithFormState(path: string, state: FormState): Promise<FastifyReply>
    /** Redirects, showing a banner on the next page. */
    redirectWithBanner(path: string, banner: Banner): Promise<FastifyReply>
    /**
     * Redirects from a page that is not there to be shown (say, a step already taken). Errors the
     * page was about to show go with the browser, so a refusal is never lost on the way.
     */
    redirectKeepingErrors(path: string): Promise<FastifyReply>
  }
}

export interface SessionOptions {
  readonly sessions: Sessions
  readonly secureCookie: boolean
}

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-alongside-session' : 'alongside-session'
}

/** A session keeps the answers of at most this many refused forms, the newest. */
export const MAX_KEPT_FORMS = 5
/** The kept forms with this one added as the newest, and the oldest let go beyond the cap. */
function withForm(forms: Record<string, FormState> | undefined, path: string, state: FormState): Record<string, FormState> {
  const { [path]: _replaced, ...others } = forms ?? {}
  const kept = Object.entries(others).slice(-(MAX_KEPT_FORMS - 1))
  return { ...Object.fromEntries(kept), [path]: { ...state, values: boundedAnswers(state.values) } }
}

function pathOf(url: string): string {
  const query = url.indexOf('?')
  return query === -1 ? url : url.slice(0, query)
}

export const session = fp(
  async (app: FastifyInstance, { sessions, secureCookie }: SessionOptions) => {
    await app.register(cookie)
    const cookieName = sessionCookieName(secureCookie)
    const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie } as const

    app.decorateRequest('sessionId', '')
    app.decorateRequest('user', null)
    app.decorateRequest('userAuthorityName', null)
    app.decorateRequest('timedOut', null)
    app.decorateRequest('pageFlash', null as unknown as PageFlash)

    const flashes = new WeakMap<FastifyRequest, SessionFlash>()

    app.addHook('onRequest', async (request, reply) => {
      request.pageFlash = {}
      const presented = request.cookies[cookieName]
      if (!presented || !isWellFormedSessionId(presented)) {
        request.sessionId = newSessionId()
        reply.setCookie(cookieName, request.sessionId, cookieOptions)
        return
      }
      request.sessionId = presented
      const resolved = await sessions.resolve(presented)
      if (resolved.status === 'active') {
        request.user = resolved.user
        request.userAuthorityName = resolved.authorityName
        flashes.set(request, resolved.flash)
      } else if (resolved.status === 'timed-out') {
        request.timedOut = { userId: resolved.userId, authorityId: resolved.authorityId }
      }
    })

    /** A page takes what was left for it, once; the rest of the flash stays for its own page. */
    app.addHook('preHandler', async (request) => {
      if (request.method !== 'GET' || !request.user) return
      const flash = flashes.get(request)
      if (!flash) return
      const path = pathOf(request.url)
      const form = flash.forms?.[path]
      if (!form && !flash.banner) return
      if (form) request.pageFlash.form = form
      if (flash.banner) request.pageFlash.banner = flash.banner
      const { [path]: _taken, ...otherForms } = flash.forms ?? {}
      flashes.set(request, { forms: otherForms })
      await sessions.setFlash(request.sessionId, { forms: otherForms })
    })

    async function updateFlash(request: FastifyRequest, change: (flash: SessionFlash) => SessionFlash): Promise<void> {
      const next = change(flashes.get(request) ?? {})
      flashes.set(request, next)
      await sessions.setFlash(request.sessionId, next)
    }

    // A path may be built from what the browser sent (an id in the address bar): it is encoded as the
    // browser will ask for it, so the header can be sent and the kept form is found under that name.
    app.decorateReply('redirectWithFormState', async function (this: FastifyReply, path: string, state: FormState) {
      const location = locationPath(path)
      await updateFlash(this.request, (flash) => ({ ...flash, forms: withForm(flash.forms, location, state) }))
      return this.redirect(location, 303)
    })

    app.decorateReply('redirectKeepingErrors', async function (this: FastifyReply, path: string) {
      const location = locationPath(path)
      const errors = this.request.pageFlash.form?.errors
      if (!errors || errors.length === 0) return this.redirect(location, 303)
      await updateFlash(this.request, (flash) => ({ ...flash, forms: withForm(flash.forms, location, { values: {}, errors }) }))
      return this.redirect(location, 303)
    })

    app.decorateReply('redirectWithBanner', async function (this: FastifyReply, path: string, banner: Banner) {
      await updateFlash(this.request, (flash) => ({ ...flash, banner }))
      return this.redirect(locationPath(path), 303)
    })
  },
  { name: 'session' },
)

/** Used by sign-in: points the browser at its new session id. */
export function setSessionCookie(reply: FastifyReply, sessionId: string, secureCookie: boolean): void {
  reply.setCookie(sessionCookieName(secureCookie), sessionId, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie })
}
