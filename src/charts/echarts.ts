import * as echarts from 'echarts/core'
import { BarChart, CustomChart, LineChart, PieChart, ScatterChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import { DARK_THEME, darkTheme } from './theme'

// Registered once: only the charts and components the dashboards and the timeline use end up in the bundle.
echarts.use([
  BarChart,
  PieChart,
  LineChart,
  ScatterChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  MarkLineComponent,
  CanvasRenderer,
])
echarts.registerTheme(DARK_THEME, darkTheme)

export { echarts }
