import { isIP } from 'node:net'
import { join } from 'node:path'
import { z } from 'zod'
import { NOTIFY_KEY, NOTIFY_TEMPLATE_ID, type NotifySettings } from './platform/mail/notify.ts'

/**
 * The only reader of the environment. Everything else receives a `Config`.
 *
 * Locally every setting has a safe default, so `npm start` needs nothing. In production a missing
 * or weak secret stops the start at once with a message that names the setting.
 */

const booleanText = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => value === 'true' || value === '1' || value === 'yes')

const positiveInteger = z.coerce.number().int().positive()

/** An address, or a range of them written as CIDR ("10.0.0.0/8", "fd00::/8"). */
function isAddressOrRange(text: string): boolean {
  const [address = '', bits, ...rest] = text.split('/')
  const version = isIP(address)
  if (version === 0 || rest.length > 0) return false
  if (bits === undefined) return true
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128)
}

/** A comma-separated list of proxy addresses or ranges; empty means trust none. */
const addressList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .refine((items) => items.every(isAddressOrRange), 'TRUSTED_PROXIES must list IP addresses or CIDR ranges, separated by commas')

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    TRUSTED_PROXIES: addressList.default([]),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    BASE_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// connection string')
      .optional(),
    DATABASE_OWNER_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_OWNER_URL must be a postgres:// connection string')
      .optional(),
    DATABASE_POOL_SIZE: positiveInteger.default(10),
    DATA_DIR: z.string().min(1).default('data'),
    EMBEDDED_SHARED_BUFFERS: z
      .string()
      .regex(/^[1-9][0-9]{0,5}(kB|MB|GB)$/, 'EMBEDDED_SHARED_BUFFERS must be a size as PostgreSQL writes it, such as 32MB')
      .default('32MB'),
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    SESSION_IDLE_MINUTES: positiveInteger.default(30),
    SESSION_ABSOLUTE_HOURS: positiveInteger.default(10),
    COOKIE_SECURE: booleanText.optional(),
    SIGN_IN_FREE_FAILURES: positiveInteger.default(5),
    SIGN_IN_MAX_DELAY_MINUTES: positiveInteger.default(15),
    SIGN_IN_ACCOUNT_CEILING: positiveInteger.max(100, 'SIGN_IN_ACCOUNT_CEILING must be 100 or fewer (NIST SP 800-63B 5.2.2)').default(50),
    FAMILY_CODE_DAYS_AFTER_END: positiveInteger.max(3650).default(90),
    FAMILY_SESSION_IDLE_MINUTES: positiveInteger.default(20),
    FAMILY_SESSION_ABSOLUTE_HOURS: positiveInteger.default(4),
    FAMILY_SIGN_IN_MAX_DELAY_MINUTES: positiveInteger.max(1440).default(60),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).optional(),
    NOTIFY_API_KEY: z.string().regex(NOTIFY_KEY, 'NOTIFY_API_KEY must be a GOV.UK Notify API key, as Notify shows it (a name, then two ids)').optional(),
    NOTIFY_EMAIL_TEMPLATE_ID: z.string().regex(NOTIFY_TEMPLATE_ID, 'NOTIFY_EMAIL_TEMPLATE_ID must be a Notify template id').optional(),
    NOTIFY_SMS_TEMPLATE_ID: z.string().regex(NOTIFY_TEMPLATE_ID, 'NOTIFY_SMS_TEMPLATE_ID must be a Notify template id').optional(),
    NOTIFY_BASE_URL: z.url().default('https://api.notifications.service.gov.uk'),
    PUBLIC_PAGES_PER_MINUTE: positiveInteger.default(300),
    PUBLIC_ENQUIRY_RETENTION_MONTHS: positiveInteger.max(120).default(12),
    DEMO: booleanText.default(false),
    TEST_CLOCK_FILE: z.string().min(1).optional(),
    VIEW_CACHE: booleanText.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOGO: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.(svg|png)$/, 'LOGO must be the name of an SVG or PNG file in src/assets/logos (such as camden.svg)')
      .optional(),
  })
  .superRefine((env, context) => {
    if (env.NOTIFY_API_KEY) {
      if (!env.NOTIFY_EMAIL_TEMPLATE_ID)
        context.addIssue({ code: 'custom', path: ['NOTIFY_EMAIL_TEMPLATE_ID'], message: 'NOTIFY_EMAIL_TEMPLATE_ID is required with NOTIFY_API_KEY' })
      if (!env.NOTIFY_SMS_TEMPLATE_ID)
        context.addIssue({ code: 'custom', path: ['NOTIFY_SMS_TEMPLATE_ID'], message: 'NOTIFY_SMS_TEMPLATE_ID is required with NOTIFY_API_KEY' })
    }
    if (env.NODE_ENV !== 'production') return
    if (!env.SESSION_SECRET) {
      context.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'SESSION_SECRET is required in production' })
    }
    if (!env.DATABASE_URL) {
      context.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'DATABASE_URL is required in production' })
    }
    if (env.DEMO) {
      context.addIssue({ code: 'custom', path: ['DEMO'], message: 'demo data cannot be loaded in production' })
    }
    if (env.TEST_CLOCK_FILE) {
      context.addIssue({ code: 'custom', path: ['TEST_CLOCK_FILE'], message: 'the clock cannot be moved in production' })
    }
    if (!env.SMTP_URL && !env.NOTIFY_API_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['SMTP_URL'],
        message: 'SMTP_URL is required in production unless NOTIFY_API_KEY is set (one-time sign-in links are sent by email)',
      })
    }
    if (!env.MAIL_FROM) {
      context.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'MAIL_FROM is required in production' })
    }
  })

export interface Config {
  readonly production: boolean
  readonly host: string
  readonly port: number
  readonly baseUrl: string
  /**
   * The reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges). Empty: the
   * client's address is the connection's own, whatever a request's headers claim.
   */
  readonly trustedProxies: readonly string[]
  readonly database:
    | {
        readonly kind: 'postgres'
        readonly url: string
        /** The role that owns the tables and migrates them; the service itself runs as `url`'s role. */
        readonly ownerUrl?: string
        readonly poolSize: number
      }
    | {
        readonly kind: 'pglite'
        readonly dataDir: string
        /** PostgreSQL's `shared_buffers` for the embedded database: its cache of the tables, held in the service's own memory. */
        readonly sharedBuffers?: string
      }
  /** When absent (never in production) the secret kept in the database is used. */
  readonly sessionSecret: string | undefined
  readonly session: { readonly idleMinutes: number; readonly absoluteHours: number; readonly secureCookie: boolean }
  /** Sign-in throttling (ADR 13): delays per email and address, and a ceiling per email after which only an emailed link signs in. */
  readonly signIn: { readonly freeFailures: number; readonly maxDelayMinutes: number; readonly accountCeiling: number }
  /**
   * Families' way in (ADR 17): how long a code keeps working after the advocacy ends, the family
   * session's time-outs, and the longest wait between wrong words for one code from every address.
   */
  readonly family: {
    readonly codeDaysAfterEnd: number
    readonly idleMinutes: number
    readonly absoluteHours: number
    readonly maxDelayMinutes: number
  }
  /** Email: through SMTP, or (never in production) written to files in `outboxDir`. */
  readonly mail: { readonly smtpUrl: string | undefined; readonly from: string; readonly outboxDir: string }
  /** GOV.UK Notify, when an authority switches it on: then email and texts go through it (ADR 20). */
  readonly notify: NotifySettings | null
  /** Requests one client may make to the pages anyone can reach, in a minute. */
  readonly publicPagesPerMinute: number
  /** Months a closed enquiry from the public pages is kept before it is deleted (`cleanUpClosedEnquiries`). */
  readonly publicEnquiryRetentionMonths: number
  readonly demo: boolean
  /** A file holding how many minutes the service's clock runs ahead (never in production): for journeys that need time to pass. */
  readonly testClockFile: string | null
  /** Compile each template once and keep it (the default), or re-read it on every page (a developer editing templates live). */
  readonly viewCache: boolean
  readonly logLevel: string
  /** The council's logo: a file in `src/assets/logos/` shown in the header beside the authority's name, if any. */
  readonly logo: string | null
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function loadConfig(environment: Readonly<Record<string, string | undefined>> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(environmentSchema.shape).flatMap((key) => {
      const value = environment[key]
      return value === undefined || value === '' ? [] : [[key, value]]
    }),
  )
  const parsed = environmentSchema.safeParse(relevant)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || 'environment'}: ${issue.message}`)
    throw new ConfigError(`The service cannot start because its settings are wrong:\n${problems.join('\n')}`)
  }
  const env = parsed.data
  const production = env.NODE_ENV === 'production'
  return {
    production,
    host: env.HOST,
    port: env.PORT,
    baseUrl: (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    trustedProxies: env.TRUSTED_PROXIES,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, ...(env.DATABASE_OWNER_URL ? { ownerUrl: env.DATABASE_OWNER_URL } : {}) }
      : { kind: 'pglite', dataDir: env.DATA_DIR, sharedBuffers: env.EMBEDDED_SHARED_BUFFERS },
    sessionSecret: env.SESSION_SECRET,
    session: {
      idleMinutes: env.SESSION_IDLE_MINUTES,
      absoluteHours: env.SESSION_ABSOLUTE_HOURS,
      secureCookie: env.COOKIE_SECURE ?? production,
    },
    signIn: { freeFailures: env.SIGN_IN_FREE_FAILURES, maxDelayMinutes: env.SIGN_IN_MAX_DELAY_MINUTES, accountCeiling: env.SIGN_IN_ACCOUNT_CEILING },
    family: {
      codeDaysAfterEnd: env.FAMILY_CODE_DAYS_AFTER_END,
      idleMinutes: env.FAMILY_SESSION_IDLE_MINUTES,
      absoluteHours: env.FAMILY_SESSION_ABSOLUTE_HOURS,
      maxDelayMinutes: env.FAMILY_SIGN_IN_MAX_DELAY_MINUTES,
    },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM ?? 'Alongside <alongside@localhost>', outboxDir: join(env.DATA_DIR, 'outbox') },
    notify:
      env.NOTIFY_API_KEY && env.NOTIFY_EMAIL_TEMPLATE_ID && env.NOTIFY_SMS_TEMPLATE_ID
        ? {
            apiKey: env.NOTIFY_API_KEY,
            emailTemplateId: env.NOTIFY_EMAIL_TEMPLATE_ID,
            smsTemplateId: env.NOTIFY_SMS_TEMPLATE_ID,
            baseUrl: env.NOTIFY_BASE_URL.replace(/\/$/, ''),
          }
        : null,
    publicPagesPerMinute: env.PUBLIC_PAGES_PER_MINUTE,
    publicEnquiryRetentionMonths: env.PUBLIC_ENQUIRY_RETENTION_MONTHS,
    demo: env.DEMO,
    testClockFile: env.TEST_CLOCK_FILE ?? null,
    viewCache: env.VIEW_CACHE ?? true,
    logLevel: env.LOG_LEVEL,
    logo: env.LOGO ?? null,
  }
}
