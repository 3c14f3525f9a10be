import type { Locator, Page } from 'playwright-core'

/** Counts painted (non-transparent) pixels of the canvas inside a chart: proof that it drew. */
export function paintedPixels(chart: Locator): Promise<number> {
  return chart
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d')!
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
      let n = 0
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++
      return n
    })
}

/**
 * Finds, in page coordinates, the middle of the first wide stretch of a given colour in a chart
 * (scanning top to bottom, ignoring small legend swatches): how a person finds "the green part
 * of the first bar" to click it.
 */
export async function pointOfColour(chart: Locator, hex: string, minWidthPx = 40): Promise<{ x: number; y: number } | null> {
  const box = await chart.boundingBox()
  if (!box) return null
  const hit = await chart
    .locator('canvas')
    .first()
    .evaluate(
      (canvas: HTMLCanvasElement, args: { colour: string; minWidthPx: number }) => {
        const want = [1, 3, 5].map((i) => parseInt(args.colour.slice(i, i + 2), 16))
        const ctx = canvas.getContext('2d')!
        const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height)
        const scale = canvas.width / canvas.getBoundingClientRect().width
        const matches = (x: number, y: number) => {
          const i = (y * width + x) * 4
          return Math.abs(data[i] - want[0]) < 6 && Math.abs(data[i + 1] - want[1]) < 6 && Math.abs(data[i + 2] - want[2]) < 6
        }
        for (let y = 0; y < height; y++) {
          let runStart = -1
          for (let x = 0; x <= width; x++) {
            if (x < width && matches(x, y)) {
              if (runStart < 0) runStart = x
              continue
            }
            if (runStart >= 0 && x - runStart >= args.minWidthPx * scale) {
              // a few pixels below the top edge, in the middle of the stretch
              return { x: (runStart + x) / 2 / scale, y: y / scale + 4 }
            }
            runStart = -1
          }
        }
        return null
      },
      { colour: hex, minWidthPx },
    )
  return hit ? { x: box.x + hit.x, y: box.y + hit.y } : null
}

/**
 * Clicks the first wide stretch of a colour in a chart until the page navigates: a chart that is
 * still settling (animation, a late resize) can swallow one click.
 */
export async function clickColourUntil(page: Page, chart: Locator, hex: string, url: RegExp): Promise<void> {
  await page.mouse.move(1, 1) // hovering a series fades the others (emphasis focus)
  const deadline = Date.now() + 30_000
  while (!url.test(page.url())) {
    if (Date.now() > deadline) throw new Error(`clicking ${hex} in the chart never led to ${url}`)
    if ((await chart.count()) > 0) {
      const point = await pointOfColour(chart, hex)
      if (point) await page.mouse.click(point.x, point.y)
    }
    // give the click its chance to navigate before looking again
    await page.waitForURL(url, { timeout: 1000 }).catch(() => undefined)
  }
}
