import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { sharedProgress, twinVerdict, TWIN_GAP_TOLERANCE } from '../../electron/core/tasks/twins'
import { attentionByList } from '../../electron/core/home/attention'
import { AUDIT_ACTION_LABELS, auditActionLabel, auditDetail } from '../../electron/contract/vocabulary'
import { cleanPhrases } from '../../electron/core/settings/phrases'

describe('关联任务 (twins)', () => {
  it('lets one report count for both once the office accepts the link: the latest period wins, then the higher figure', () => {
    const own = { id: 1, period: '2021-06', percent: 35 }
    expect(sharedProgress(own, [{ id: 2, period: '2021-06', percent: 100 }])).toMatchObject({ percent: 100 })
    expect(sharedProgress(own, [{ id: 2, period: '2021-03', percent: 100 }])).toMatchObject({ percent: 35 })
    expect(sharedProgress(undefined, [{ id: 2, period: '2021-03', percent: 20 }])).toMatchObject({ id: 2 })
    expect(sharedProgress(undefined, [])).toBeUndefined()
  })

  it('flags a done task whose unaccepted twin is behind, and a gap beyond the tolerance', () => {
    expect(twinVerdict('suggested', { actualPct: 100, status: 'done' }, { actualPct: 35, status: 'behind' })).toMatchObject({
      kind: 'discrepancy',
      gap: 65,
      reason: '一项已完成，另一项未完成',
    })
    expect(
      twinVerdict('suggested', { actualPct: 30, status: 'on_track' }, { actualPct: 30 + TWIN_GAP_TOLERANCE + 1, status: 'on_track' }),
    ).toMatchObject({
      kind: 'discrepancy',
      reason: `完成进度相差${TWIN_GAP_TOLERANCE + 1}个百分点`,
    })
    expect(
      twinVerdict('suggested', { actualPct: 60, status: 'on_track' }, { actualPct: 60 + TWIN_GAP_TOLERANCE, status: 'behind' }),
    ).toEqual({ kind: 'agree' })
  })

  it('does not flag an accepted link (the figures are shared) nor one the office rejected', () => {
    const done = { actualPct: 100, status: 'done' as const }
    const behind = { actualPct: 35, status: 'behind' as const }
    expect(twinVerdict('accepted', done, behind)).toEqual({ kind: 'shared' })
    expect(twinVerdict('rejected', done, behind)).toEqual({ kind: 'separate' })
  })
})

describe('需要关注 on the home pages', () => {
  const row = (
    id: number,
    listId: number,
    status: 'overdue' | 'behind' | 'due_soon' | 'on_track' | 'done',
    dueOn: string | null = null,
  ) => ({
    id,
    listId,
    listName: listId === 1 ? '重点工作' : '工作要点',
    status,
    dueOn,
  })
  it('keeps overdue, behind and due-soon tasks, grouped by list in order, the most urgent first', () => {
    const groups = attentionByList([
      row(1, 1, 'behind'),
      row(2, 2, 'due_soon'),
      row(3, 1, 'on_track'),
      row(4, 2, 'overdue'),
      row(5, 1, 'overdue'),
      row(6, 2, 'done'),
    ])
    expect(groups.map((g) => [g.listName, g.items.map((i) => i.id)])).toEqual([
      ['重点工作', [5, 1]],
      ['工作要点', [4, 2]],
    ])
    expect(groups[0].byStatus).toEqual([
      { status: 'overdue', count: 1 },
      { status: 'behind', count: 1 },
    ])
  })
  it('shows a few per list but counts them all; the earlier deadline first within a status', () => {
    const many = [1, 2, 3, 4, 5, 6, 7].map((i) => row(i, 2, 'behind', `2021-0${8 - i}-01`))
    const [g] = attentionByList(many, 3)
    expect(g.count).toBe(7)
    expect(g.byStatus).toEqual([{ status: 'behind', count: 7 }])
    expect(g.items.map((i) => i.id)).toEqual([7, 6, 5])
  })
})

describe('变更记录 vocabulary', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f)
      return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : []
    })

  it('has a Chinese label for every action the core writes to the audit log', () => {
    const written = new Set<string>()
    for (const file of sources('electron/core')) {
      const text = readFileSync(file, 'utf8')
      // from `action:` or `const action =` to the entry's `entity`: one name, or a ternary choosing between some
      for (const m of text.matchAll(/(?:action:([^(){};]{0,300}?)entity|const action =([^{};]{0,300}?)writeAudit)/g)) {
        for (const n of (m[1] ?? m[2]).matchAll(/'([a-z]+\.[a-zA-Z_]+)'/g)) written.add(n[1])
      }
      for (const m of text.matchAll(/replaceMilestones\(\s*ctx,[\s\S]{0,400}?'([a-z]+\.[a-zA-Z_]+)'\s*,?\s*\)/g)) written.add(m[1])
    }
    const actions = [...written]
    expect(actions).toEqual(
      expect.arrayContaining(['milestones.set', 'user.deactivate', 'unit.deactivate', 'report.submit', 'notice.issue']),
    )
    expect(actions.filter((a) => !(a in AUDIT_ACTION_LABELS))).toEqual([])
  })

  it('never shows a raw action name', () => {
    expect(auditActionLabel('notice.issue')).toBe('下发督办单')
    expect(auditActionLabel('something.new')).toBe('其他操作')
  })

  it('says which fields changed, which period and percent, and the reason or opinion', () => {
    expect(auditDetail({ action: 'task.update', before: {}, after: { taskId: 1, version: 2, deadline: '2021-12-31', leaderId: 3 } })).toBe(
      '改动：分管领导、完成时限',
    )
    expect(
      auditDetail({ action: 'report.return', before: {}, after: { period: '2021-06', percent: 35, return_reason: '请补充材料' } }),
    ).toBe('2021年6月，完成35%，原因：请补充材料')
    expect(auditDetail({ action: 'notice.issue', before: null, after: { number: '督办〔2021〕3号', noticeId: 4 } })).toBe('督办〔2021〕3号')
  })
})

describe('常用批示语', () => {
  it('keeps one phrase a line, trimmed, without blanks or repeats, in the order given', () => {
    expect(cleanPhrases([' 请抓紧推进。 ', '', '已阅。', '请抓紧推进。'])).toEqual(['请抓紧推进。', '已阅。'])
  })
})
