/** The working calendar kept in the database, and the deadlines it moves off holidays. */
import type { Ctx } from '../context'
import { DubanError } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole } from '../users/rules'
import { calendarOf, moveOffHoliday, type WorkCalendar } from './workdays'
import { parseCalendarText, type CalendarLine } from './parse'

export async function loadCalendar(ctx: Pick<Ctx, 'db'>): Promise<WorkCalendar> {
  return calendarOf(await ctx.db.selectFrom('calendar_days').select(['day', 'kind']).execute())
}

/** A deadline that falls on a holiday moves to the next working day. */
export async function deadlineOffHoliday(ctx: Pick<Ctx, 'db'>, day: string): Promise<string> {
  return moveOffHoliday(await loadCalendar(ctx), day)
}

export async function listCalendar(ctx: Ctx, input: { year?: number }): Promise<CalendarLine[]> {
  requireRole(ctx.actor, ['admin'])
  let q = ctx.db.selectFrom('calendar_days').selectAll().orderBy('day')
  if (input.year) q = q.where('day', '>=', `${input.year}-01-01`).where('day', '<=', `${input.year}-12-31`)
  return q.execute()
}

/** Replaces the calendar of every year the file covers, all or nothing. */
export async function importCalendar(ctx: Ctx, input: { text: string }): Promise<{ years: number[]; holidays: number; workdays: number }> {
  requireRole(ctx.actor, ['admin'])
  const { days, errors } = parseCalendarText(input.text)
  if (errors.length)
    throw new DubanError(
      'invalid_input',
      `工作日历未导入：${errors
        .slice(0, 5)
        .map((e) => e.message)
        .join('；')}`,
    )
  const years = [...new Set(days.map((d) => Number(d.day.slice(0, 4))))].sort()
  await inTransaction(ctx, async (trx) => {
    const before = await trx.selectFrom('calendar_days').select(['day', 'kind', 'name']).execute()
    const covered = before.filter((d) => years.includes(Number(d.day.slice(0, 4))))
    for (const y of years) await trx.deleteFrom('calendar_days').where('day', '>=', `${y}-01-01`).where('day', '<=', `${y}-12-31`).execute()
    for (const d of days) await trx.insertInto('calendar_days').values(d).execute()
    await writeAudit(trx, ctx, { action: 'settings.calendar', entity: 'settings', entityId: null, before: covered, after: days })
  })
  return {
    years,
    holidays: days.filter((d) => d.kind === 'holiday').length,
    workdays: days.filter((d) => d.kind === 'workday').length,
  }
}
