/**
 * @pure
 *
 * A bar chart drawn on the server as SVG (no script): bars in pairs, this period beside the one
 * before, for each category. This works out the geometry; the template draws it, with its title,
 * description, data table and summary (so nothing is known only by looking at it). A withheld
 * figure draws no bar and says so in its label.
 */

export interface ChartInput {
  readonly title: string
  readonly categories: readonly { readonly label: string; readonly now: number | null; readonly before: number | null }[]
  readonly nowName: string
  readonly beforeName: string
}

export interface Bar {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly series: 'now' | 'before'
  /** What the bar shows, for its tooltip and its label: "Early Help, this period: 12". */
  readonly label: string
  readonly valueText: string
}

export interface Chart {
  readonly width: number
  readonly height: number
  readonly bars: readonly Bar[]
  readonly axis: { readonly y: number; readonly ticks: readonly { readonly y: number; readonly label: string }[] }
  readonly categoryLabels: readonly { readonly x: number; readonly y: number; readonly text: string }[]
  readonly description: string
}

const WIDTH = 640
const HEIGHT = 300
const LEFT = 40
const BOTTOM = 60
const TOP = 20

/** A round step for the axis: 1, 2 or 5 times a power of ten, for about four ticks. */
function step(max: number): number {
  const rough = Math.max(1, max / 4)
  const power = 10 ** Math.floor(Math.log10(rough))
  return [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? power * 10
}

export function barChart(input: ChartInput): Chart {
  const values = input.categories.flatMap((category) => [category.now ?? 0, category.before ?? 0])
  const tick = step(Math.max(1, ...values))
  const top = Math.ceil(Math.max(1, ...values) / tick) * tick
  const plotHeight = HEIGHT - BOTTOM - TOP
  const slot = (WIDTH - LEFT) / Math.max(1, input.categories.length)
  const barWidth = Math.min(40, slot / 3)
  const scale = (value: number) => (value / top) * plotHeight
  const bars: Bar[] = []
  input.categories.forEach((category, index) => {
    const centre = LEFT + slot * index + slot / 2
    for (const [series, value, offset, name] of [
      ['now', category.now, -barWidth, input.nowName],
      ['before', category.before, 0, input.beforeName],
    ] as const) {
      const height = value === null ? 0 : scale(value)
      bars.push({
        x: centre + offset,
        y: TOP + plotHeight - height,
        width: barWidth,
        height,
        series,
        label: `${category.label}, ${name}: ${value === null ? 'withheld' : value}`,
        valueText: value === null ? '[c]' : String(value),
      })
    }
  })
  const ticks = Array.from({ length: Math.round(top / tick) + 1 }, (_, index) => ({ y: TOP + plotHeight - scale(index * tick), label: String(index * tick) }))
  const categoryLabels = input.categories.map((category, index) => ({ x: LEFT + slot * index + slot / 2, y: HEIGHT - BOTTOM + 20, text: category.label }))
  const description = `Bar chart of ${input.title.toLowerCase()}: ${input.categories
    .map((category) => `${category.label} ${category.now ?? 'withheld'} (${input.beforeName} ${category.before ?? 'withheld'})`)
    .join('; ')}.`
  return { width: WIDTH, height: HEIGHT, bars, axis: { y: TOP + plotHeight, ticks }, categoryLabels, description }
}
