import { describe, expect, it } from 'vitest'
import { parsePlanText } from '../../../electron/core/importers/parser'
import { isPageFurniture } from '../../../electron/core/importers/parser/furniture'

const article = (header: string[]) =>
  [
    ...header,
    '某市邮政管理局推进快递进村工作',
    '时间:2021-05-06 作者: 来源:本站',
    '□记者 张三 通讯员 李四',
    ...Array.from(
      { length: 8 },
      (_, i) => `近年来，某市邮政管理局着力推进快递进村，第${i + 1}段正文叙述了工作的做法、成效和体会，共有一百余字的内容。`,
    ),
  ].join('\n')

describe('web-page furniture is neither title nor issuer', () => {
  it('recognises breadcrumbs, date-and-source lines and bylines, not ordinary lines', () => {
    expect(isPageFurniture('当前位置：首页 > 新闻中心 > 工作动态')).toBe(true)
    expect(isPageFurniture('当前所在: 网站首页>> 地方动态 >>正文')).toBe(true)
    expect(isPageFurniture('发布时间：2021-05-06 来源：市邮政管理局')).toBe(true)
    expect(isPageFurniture('欄目:快遞監管 發布時間:2020-03-02')).toBe(true)
    expect(isPageFurniture('□记者 张三 通讯员 李四')).toBe(true)
    expect(isPageFurniture('某市邮政管理局推进快递进村工作')).toBe(false)
    expect(isPageFurniture('1. 推进快递进村（市场监管处牵头）')).toBe(false)
  })

  it('takes the headline below the site’s name and breadcrumb as the title', () => {
    const d = parsePlanText(article(['某某信息网', '当前位置：首页 > 地方动态 > 正文']))
    expect(d.plan.title).toBe('某市邮政管理局推进快递进村工作')
    expect(d.plan.issuer).toBeNull()
  })

  it('says an article with no numbered tasks is not a task list', () => {
    const d = parsePlanText(article([]))
    expect(d.warnings.map((w) => w.code)).toEqual(['no_tasks', 'not_task_list'])
    expect(d.warnings[1].message).toContain('不是工作任务清单')
  })

  it('does not say so of a short plan that has its tasks', () => {
    const d = parsePlanText(
      [
        '某市邮政管理局2021年工作要点',
        '一、重点工作',
        '1. 推进快递进村（市场监管处牵头）',
        '2. 整治末端网点（普遍服务处牵头）',
        '3. 开展安全检查（安全中心牵头）',
      ].join('\n'),
    )
    expect(d.warnings.map((w) => w.code)).not.toContain('not_task_list')
  })
})
