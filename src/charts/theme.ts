/** The big-screen theme: deep navy background, light text, large type readable across a meeting room. */
export const DARK_THEME = 'duban-dark'

const axis = {
  axisLine: { lineStyle: { color: '#3a5a86' } },
  axisTick: { lineStyle: { color: '#3a5a86' } },
  axisLabel: { color: '#c9d7ea', fontSize: 16 },
  splitLine: { lineStyle: { color: 'rgba(90, 130, 180, 0.25)' } },
}

export const darkTheme = {
  backgroundColor: 'transparent',
  textStyle: { color: '#e6eef8', fontSize: 16 },
  title: { textStyle: { color: '#ffffff' }, subtextStyle: { color: '#9fb3cc' } },
  legend: { textStyle: { color: '#c9d7ea', fontSize: 16 } },
  tooltip: { backgroundColor: 'rgba(8, 24, 48, 0.92)', borderColor: '#3a7bd5', textStyle: { color: '#fff', fontSize: 16 } },
  categoryAxis: axis,
  valueAxis: axis,
  line: { lineStyle: { width: 3 }, symbolSize: 8 },
  pie: { itemStyle: { borderColor: '#0b1f3a' } },
}
