import { describe, expect, it } from 'vitest'
import { punctuality } from '../../electron/core/dashboards/figures'
import type { PlanSnapshot, SnapshotTask } from '../../electron/core/dashboards/snapshot'

const unit = { id: 2, name: '市场监管处' }
const sent = (period: string, submittedOn: string | null, unitId = unit.id) => ({
  id: Math.random(),
  unitId,
  period,
  percent: 50,
  submittedOn,
  approvedOn: submittedOn,
  progress: '',
})
const task = (id: number, reports: SnapshotTask['reports'], closedOn: string | null = null) =>
  ({ id, leads: [unit], coops: [], closedOn, reports }) as unknown as SnapshotTask

/**
 * Hand-computed: the plan was issued in April; on 2021-07-20 the reporting days (25th) of April, May and June
 * have passed, July's has not.
 *   T1 reported 04-25, 05-20, 06-25 (all on time)          → 3 due, 3 on time
 *   T2 reported 04-26 (late), nothing in May, 06-25        → 3 due, 1 on time
 *   T3 closed 05-10 after its April report on 04-24         → due April and May (open at May 1st), not June: 2 due, 1 on time
 *   T4 led by another unit, reported by it                  → not counted
 * 按时报送率 = 5 / 8 = 62.5%.
 */
const snapshot: PlanSnapshot = {
  plan: { id: 1, title: '2021年工作要点', issuer: null, docNumber: null, issuedOn: '2021-04-09', year: 2021 },
  asOf: '2021-07-20',
  lists: [],
  sections: [],
  tasks: [
    task(1, [sent('2021-04', '2021-04-25'), sent('2021-05', '2021-05-20'), sent('2021-06', '2021-06-25')]),
    task(2, [sent('2021-04', '2021-04-26'), sent('2021-06', '2021-06-25')]),
    task(3, [sent('2021-04', '2021-04-24')], '2021-05-10'),
    { ...task(4, [sent('2021-04', '2021-04-01', 9)]), leads: [{ id: 9, name: '办公室' }] } as SnapshotTask,
  ],
}

describe('按时报送率', () => {
  it('counts reports sent by the reporting day against reports due, per open task and month', () => {
    expect(punctuality(snapshot, unit.id, 25)).toEqual({ periodsDue: 3, due: 8, onTime: 5, rate: 62.5 })
  })

  it('one missing report does not wipe out a month in which the rest came on time', () => {
    const june = punctuality({ ...snapshot, tasks: snapshot.tasks.slice(0, 2) }, unit.id, 25)
    expect(june.rate).toBeGreaterThan(0)
    expect(june).toMatchObject({ due: 6, onTime: 4 })
  })

  it('a month whose reporting day has not passed is not counted', () => {
    expect(punctuality({ ...snapshot, asOf: '2021-06-25' }, unit.id, 25)).toMatchObject({ periodsDue: 2, due: 6, onTime: 3 })
  })
})
