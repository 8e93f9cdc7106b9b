/** The little of autocannon's API the bench uses (it ships no types). */
declare module 'autocannon' {
  interface Options {
    url: string
    connections?: number
    duration?: number
    headers?: Record<string, string>
  }
  interface Histogram {
    readonly p50: number
    readonly p99: number
    readonly average: number
    readonly total: number
  }
  interface Result {
    readonly duration: number
    readonly errors: number
    readonly timeouts: number
    readonly non2xx: number
    readonly latency: Histogram
    readonly requests: Histogram
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
