/** Saves a chart's PNG (from the wrapper's getDataURL) under a readable name. */
export function saveChartPng(url: string | null | undefined, name: string): void {
  if (!url) return
  const a = document.createElement('a')
  a.href = url
  a.download = `${name}.png`
  a.click()
}
