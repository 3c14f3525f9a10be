/**
 * The leader dashboard's figures written by hand in SQL, as the yardstick for the service.
 * Timestamps are UTC ISO strings; date(x, '+8 hours') reads them in the bureau's zone (UTC+8).
 */
import type BetterSqlite3 from 'better-sqlite3'

const STATE = `
WITH t AS (SELECT id, list_id, section_id, deadline, closed_at FROM tasks WHERE plan_id = @plan),
ranked AS (
  SELECT r.task_id, r.percent, ROW_NUMBER() OVER (PARTITION BY r.task_id ORDER BY r.period DESC, r.id DESC) AS rn
  FROM t CROSS JOIN reports r ON r.task_id = t.id
  WHERE r.status = 'approved' AND date(r.reviewed_at, '+8 hours') <= @day
),
m AS (
  SELECT ms.task_id,
    MAX(CASE WHEN ms.due_on <= @day THEN ms.planned_pct ELSE 0 END) AS planned,
    MAX(CASE WHEN ms.due_on < @day THEN ms.planned_pct ELSE 0 END) AS missed,
    MAX(ms.due_on) AS last_due
  FROM t CROSS JOIN milestones ms ON ms.task_id = t.id GROUP BY ms.task_id
),
s AS (
  SELECT t.id, t.list_id, t.section_id,
    date(t.closed_at, '+8 hours') <= @day AS closed,
    CASE WHEN date(t.closed_at, '+8 hours') <= @day THEN MAX(COALESCE(ranked.percent, 0), 100) ELSE COALESCE(ranked.percent, 0) END AS actual,
    COALESCE(m.planned, 0) AS planned, COALESCE(m.missed, 0) AS missed, COALESCE(t.deadline, m.last_due) AS due,
    EXISTS (SELECT 1 FROM reports r WHERE r.task_id = t.id AND r.status != 'draft' AND date(r.submitted_at, '+8 hours') <= @day) AS sent
  FROM t LEFT JOIN ranked ON ranked.task_id = t.id AND ranked.rn = 1 LEFT JOIN m ON m.task_id = t.id
),
st AS (
  SELECT s.*, CASE
    WHEN s.closed THEN 'done'
    WHEN s.due < @day THEN 'overdue'
    WHEN s.actual < s.missed THEN 'behind'
    WHEN s.due <= date(@day, '+7 days') OR EXISTS (SELECT 1 FROM milestones x WHERE x.task_id = s.id AND x.due_on >= @day
      AND x.due_on <= date(@day, '+7 days') AND x.planned_pct > s.actual) THEN 'due_soon'
    WHEN NOT s.sent AND s.actual = 0 THEN 'not_started'
    ELSE 'on_track' END AS status
  FROM s
)`

export function handWritten(raw: BetterSqlite3.Database) {
  const overall = raw.prepare(
    `${STATE} SELECT status, COUNT(*) AS n, AVG(actual) AS actual, AVG(planned) AS planned FROM st GROUP BY status`,
  )
  const perList = raw.prepare(`${STATE} SELECT list_id, status, COUNT(*) AS n FROM st GROUP BY list_id, status`)
  const perUnit = raw.prepare(`${STATE} SELECT tu.unit_id, COUNT(*) AS led, SUM(status = 'done') AS done, SUM(status = 'behind') AS behind,
    SUM(status = 'overdue') AS overdue, AVG(actual) AS actual FROM st JOIN task_units tu ON tu.task_id = st.id AND tu.role = 'lead' GROUP BY tu.unit_id`)
  const punctuality = raw.prepare(`
    SELECT tu.unit_id, r.period, MIN(r.submitted_at IS NOT NULL AND date(r.submitted_at, '+8 hours') <= r.period || '-' || printf('%02d', @reportingDay)) AS on_time
    FROM tasks t JOIN task_units tu ON tu.task_id = t.id AND tu.role = 'lead'
    LEFT JOIN reports r ON r.task_id = t.id AND r.unit_id = tu.unit_id AND r.status != 'draft'
    WHERE t.plan_id = @plan AND r.period < substr(@day, 1, 7) GROUP BY tu.unit_id, r.period`)
  const perSection = raw.prepare(`${STATE} SELECT list_id, section_id, COUNT(*) AS n, AVG(actual) AS actual, AVG(planned) AS planned,
    SUM(status = 'behind') AS behind, SUM(status = 'overdue') AS overdue FROM st GROUP BY list_id, section_id`)
  const trend = raw.prepare(`
    WITH RECURSIVE months(k, d) AS (SELECT 1, date(@year || '-01-01', '+1 month', '-1 day')
      UNION ALL SELECT k + 1, date(@year || '-' || printf('%02d', k + 1) || '-01', '+1 month', '-1 day') FROM months WHERE k < 12),
    t AS (SELECT id, closed_at FROM tasks WHERE plan_id = @plan),
    ranked AS (
      SELECT months.d, r.task_id, r.percent, ROW_NUMBER() OVER (PARTITION BY months.d, r.task_id ORDER BY r.period DESC, r.id DESC) AS rn
      FROM months CROSS JOIN t CROSS JOIN reports r ON r.task_id = t.id AND r.status = 'approved'
        AND date(r.reviewed_at, '+8 hours') <= MIN(months.d, @day) WHERE months.d <= date(@day, 'start of month', '+1 month', '-1 day')
    )
    SELECT months.d,
      (SELECT AVG(COALESCE((SELECT MAX(planned_pct) FROM milestones WHERE task_id = t.id AND due_on <= months.d), 0)) FROM t) AS planned,
      (SELECT AVG(CASE WHEN date(t.closed_at, '+8 hours') <= MIN(months.d, @day) THEN 100 ELSE COALESCE(ranked.percent, 0) END)
         FROM t LEFT JOIN ranked ON ranked.task_id = t.id AND ranked.d = months.d AND ranked.rn = 1) AS actual
    FROM months`)
  const indicators = raw.prepare(`
    SELECT i.id, i.target_value, (SELECT v.value FROM indicator_values v LEFT JOIN reports r ON r.id = v.report_id
      WHERE v.indicator_id = i.id AND (CASE WHEN v.report_id IS NULL THEN date(v.recorded_at, '+8 hours') <= @day
        ELSE r.status = 'approved' AND date(r.reviewed_at, '+8 hours') <= @day END) ORDER BY v.period DESC, v.id DESC LIMIT 1) AS latest
    FROM indicators i WHERE i.plan_id = @plan`)
  const closure = raw.prepare(`
    SELECT CASE WHEN days <= 30 THEN 'le30' WHEN days <= 60 THEN 'le60' WHEN days <= 90 THEN 'le90' WHEN days <= 180 THEN 'le180'
      WHEN days <= 270 THEN 'le270' ELSE 'gt270' END AS bucket, COUNT(*) AS n
    FROM (SELECT julianday(date(t.closed_at, '+8 hours')) - julianday(p.issued_on) AS days FROM tasks t JOIN plans p ON p.id = t.plan_id
      WHERE t.plan_id = @plan AND date(t.closed_at, '+8 hours') <= @day) GROUP BY bucket`)
  const shares = raw.prepare(`${STATE} SELECT 'section' AS dim, section_id AS k, COUNT(*) AS n FROM st GROUP BY section_id
    UNION ALL SELECT 'status', status, COUNT(*) FROM st GROUP BY status
    UNION ALL SELECT 'unit', tu.unit_id, COUNT(*) FROM st JOIN task_units tu ON tu.task_id = st.id AND tu.role = 'lead' GROUP BY tu.unit_id`)
  return { overall, perList, perUnit, punctuality, perSection, trend, indicators, closure, shares }
}
