/**
 * The load, from a process of its own so that it never shares the measured service's event loop:
 * `node bench/load.ts '{"url":…,"connections":10,"seconds":5,"cookie":…}'` runs autocannon against
 * one address and prints what it saw as one line of JSON.
 */
import autocannon from 'autocannon'

export interface LoadRequest {
  readonly url: string
  readonly connections: number
  readonly seconds: number
  readonly cookie: string
  /** So many requests, however long they take, instead of `seconds`. */
  readonly amount?: number
}

export interface LoadResult {
  readonly requests: number
  readonly seconds: number
  readonly p50: number
  readonly p99: number
  /** Answers that were not 2xx, and connections that failed or timed out: a run with any is not a fair figure. */
  readonly failures: number
}

const request = JSON.parse(process.argv[2] ?? '{}') as LoadRequest
const result = await autocannon({
  url: request.url,
  connections: request.connections,
  ...(request.amount ? { amount: request.amount } : { duration: request.seconds }),
  headers: request.cookie ? { cookie: request.cookie } : {},
})
const answer: LoadResult = {
  requests: result.requests.total,
  seconds: result.duration,
  p50: result.latency.p50,
  p99: result.latency.p99,
  failures: result.non2xx + result.errors + result.timeouts,
}
console.log(JSON.stringify(answer))
