import { describe, expect, it } from 'vitest'
import { completionRing, listStatusBar } from '@/charts/options/overall'
import { unitProgressBar, unitRateBar } from '@/charts/options/unitTable'
import { gapColor, sectionProgressBar } from '@/charts/options/sectionProgress'
import { monthLabel, trendLine } from '@/charts/options/trend'
import { indicatorBar, indicatorTrajectory } from '@/charts/options/indicators'
import { livelihoodBar, taskLabel } from '@/charts/options/livelihood'
import { closureHistogram, sectionSlices, sharePie, statusSlices, unitSlices } from '@/charts/options/analysis'
import { drillQuery, taskDrillOf } from '@/charts/options/drill'
import { STATUS_COLORS } from '@/charts/options/types'
import { analysis, leader } from './leader.fixture'

type Series = { type: string; name: string; data: { value: unknown; drill?: unknown; itemStyle?: { color: string } }[]; stack?: string }
const seriesOf = (o: { series?: unknown }) => o.series as Series[]
const values = (s: Series) => s.data.map((d) => d.value)

describe('overall completion', () => {
  it('rings the statuses that have tasks, with the completion rate in the middle and a drill per slice', () => {
    const o = completionRing(leader.overall)
    const [pie] = seriesOf(o)
    expect(pie.data.map((d) => (d as unknown as { name: string }).name)).toEqual(['已完成', '正常推进', '进度滞后', '逾期'])
    expect(values(pie)).toEqual([2, 5, 2, 1])
    expect((o.title as { text: string }).text).toBe('20%')
    expect(pie.data[3].drill).toEqual({ status: 'overdue' })
    expect(seriesOf(completionRing(leader.overall, { listId: 2 }))[0].data[0].drill).toEqual({ listId: 2, status: 'done' })
  })

  it('stacks each list by status, first list on top, leaving out statuses no list has', () => {
    const o = listStatusBar(leader.lists, leader.overall)
    expect((o.yAxis as { data: string[] }).data).toEqual(['民生实事', '工作要点'])
    const s = seriesOf(o)
    expect(s.map((x) => x.name)).toEqual(['已完成', '正常推进', '进度滞后', '逾期'])
    expect(values(s[1])).toEqual([2, 3])
    expect(s[3].data[1].drill).toEqual({ listId: 1, status: 'overdue' })
  })
})

describe('per unit', () => {
  it('draws tasks per lead unit stacked by status, busiest on top, 正常推进 in green, each segment drilling to the unit’s tasks', () => {
    const o = unitProgressBar(leader.units, leader.overall)
    expect((o.yAxis as { data: string[] }).data).toEqual(['办公室', '市场监管处'])
    const s = seriesOf(o)
    const onTrack = s.find((x) => x.name === '正常推进')!
    expect((onTrack as unknown as { itemStyle: { color: string } }).itemStyle.color).toBe('#67c23a')
    expect(values(onTrack)).toEqual([2, 3])
    expect(onTrack.data[1].drill).toEqual({ unitId: 3, unitRole: 'lead', status: 'on_track' })
    expect(s.every((x) => x.stack === 'tasks')).toBe(true)
  })

  it('compares completion rate and reporting punctuality per unit in percent', () => {
    const s = seriesOf(unitRateBar(leader.units))
    expect(s.map((x) => x.name)).toEqual(['完成率', '按时报送率'])
    expect(values(s[0])).toEqual([16.7, 25])
    expect(values(s[1])).toEqual([75, 100])
    expect(s[0].data[0].drill).toEqual({ unitId: 3, unitRole: 'lead', status: 'done' })
  })
})

describe('per section', () => {
  it('bars actual progress coloured by the gap to plan, with the planned progress as a marker', () => {
    const o = sectionProgressBar(leader.sections, leader.lists)
    expect((o.yAxis as { data: string[] }).data).toEqual([
      '民生实事｜（未分板块）',
      '工作要点｜二、优化营商环境',
      '工作要点｜一、坚持党的领导',
    ])
    const [bar, planned] = seriesOf(o)
    expect(values(bar)).toEqual([46, 30, 62])
    expect(bar.data.map((d) => d.itemStyle?.color)).toEqual([gapColor(-4), gapColor(-20), gapColor(12)])
    expect(gapColor(-20)).toBe('#d93025')
    expect(planned.type).toBe('scatter')
    expect(values(planned)).toEqual([50, 50, 50])
    expect(bar.data[0].drill).toEqual({ listId: 2 })
    expect(bar.data[2].drill).toEqual({ listId: 1, sectionId: 11 })
  })
})

describe('trend', () => {
  it('draws actual against planned by month, leaving months after the as-of day empty', () => {
    const o = trendLine(leader.trend, { year: 2021 })
    expect((o.xAxis as { data: string[] }).data).toEqual(['5月', '6月', '7月', '8月'])
    const s = seriesOf(o)
    expect(values(s.find((x) => x.name === '实际平均进度')!)).toEqual([26, 57.3, 57.3, '-'])
    expect(values(s.find((x) => x.name === '计划平均进度')!)).toEqual([25, 50, 50, 75])
    expect(values(s.find((x) => x.name === '累计完成任务')!)).toEqual([0, 2, 2, '-'])
    expect(monthLabel('2020-12', 2021)).toBe('2020年12月')
  })
})

describe('indicators', () => {
  it('shows attainment against target, grey without an actual, each bar opening its task', () => {
    const o = indicatorBar(leader.indicators)
    expect((o.yAxis as { data: string[] }).data).toEqual(['快递业务量', '建制村快递服务通达率'])
    const [bar] = seriesOf(o)
    expect(values(bar)).toEqual([0, 96])
    expect(bar.data.map((d) => d.itemStyle?.color)).toEqual(['#c0c4cc', '#f08c00'])
    expect(bar.data[1].drill).toEqual({ open: 44 })
  })

  it('draws the yearly trajectory of a multi-year indicator against its actuals', () => {
    expect(indicatorTrajectory(leader.indicators[0])).toBeNull()
    const o = indicatorTrajectory(leader.indicators[1])!
    expect((o.xAxis as { data: string[] }).data).toEqual(['2020年', '2021年', '2022年'])
    const [planned, actual] = seriesOf(o)
    expect(values(planned)).toEqual([30, 32, 34])
    expect(values(actual)).toEqual([30, 33, '-'])
  })
})

describe('livelihood', () => {
  it('bars every 民生实事 task in its status colour with its planned marker, opening the task on click', () => {
    const o = livelihoodBar(leader.livelihood)
    const [bar, planned] = seriesOf(o)
    expect(values(bar)).toEqual([100, 45])
    expect(bar.data.map((d) => d.itemStyle?.color)).toEqual([STATUS_COLORS.done, STATUS_COLORS.behind])
    expect(values(planned)).toEqual([50, 50])
    expect(bar.data[1].drill).toEqual({ open: 70 })
    expect(taskLabel(leader.livelihood.tasks[0], 6)).toBe('民生1 推动主要品牌…')
  })

  it('labels every row and keeps the percentages in a column of their own, clear of the bars and markers', () => {
    const o = livelihoodBar(leader.livelihood, true, { fontSize: 14, labelWidth: 180 })
    const [names, percents] = o.yAxis as {
      data: string[]
      position?: string
      axisLabel: { interval: number; fontSize: number; width?: number }
    }[]
    expect(names.data).toEqual(leader.livelihood.tasks.map((t) => taskLabel(t)).reverse())
    expect(names.data).toEqual(['民生2 建设智能快件箱', '民生1 推动主要品牌快递服务有效下沉，建…'])
    const tooltip = (o.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: 1 }])
    expect(tooltip).toMatch(/^<b>民生1<\/b> 推动主要品牌/)
    expect(names.axisLabel).toMatchObject({ interval: 0, fontSize: 14, width: 180 })
    expect(percents).toMatchObject({ position: 'right', data: ['100%', '45%'], axisLabel: { interval: 0, fontSize: 14 } })
    // no value label on the bars themselves: the planned marker or the next bar could cover it
    expect((seriesOf(o)[0] as { label?: { show: boolean } }).label?.show ?? false).toBe(false)
  })
})

describe('analysis', () => {
  it('shares by section, unit and status, each slice drilling to its tasks', () => {
    const sections = seriesOf(sharePie(sectionSlices(analysis), '板块'))[0]
    expect(values(sections)).toEqual([3, 7])
    expect(sections.data.map((d) => d.drill)).toEqual([{ listId: 1, sectionId: 11 }, { listId: 2 }])
    expect(unitSlices(analysis)[0]).toMatchObject({ name: '市场监管处', value: 6, drill: { unitId: 3, unitRole: 'lead' } })
    const status = seriesOf(sharePie(statusSlices(analysis), '状态'))[0]
    // empty statuses are left out so slices and labels never pile up
    expect(status.data.map((d) => (d as unknown as { name: string }).name)).toEqual(['已完成', '正常推进', '进度滞后', '逾期'])
    expect(status.data[0].itemStyle?.color).toBe(STATUS_COLORS.done)
  })

  it('counts closed tasks per closure-time bucket with the median in the subtitle', () => {
    const o = closureHistogram(analysis)
    expect((o.xAxis as { data: string[] }).data).toEqual(['30天以内', '61–90天'])
    expect(values(seriesOf(o)[0])).toEqual([0, 2])
    expect((o.title as { subtext: string }).subtext).toBe('办结用时中位数 77 天')
    // each bar opens exactly the tasks it counts
    expect(seriesOf(o)[0].data[1].drill).toEqual({ ids: [2, 3] })
    expect(drillQuery({ ids: [2, 3] })).toEqual({ ids: '2,3' })
  })
})

describe('drill-down', () => {
  it('reads the drill target from a click and turns it into the task list’s query', () => {
    const target = taskDrillOf({ data: { value: 3, drill: { unitId: 3, unitRole: 'lead', status: 'on_track' } } })
    expect(target).toEqual({ unitId: 3, unitRole: 'lead', status: 'on_track' })
    expect(drillQuery(target!)).toEqual({ unitId: '3', unitRole: 'lead', status: 'on_track' })
    expect(taskDrillOf({ data: { value: 3 } })).toBeNull()
    expect(taskDrillOf(null)).toBeNull()
  })
})
