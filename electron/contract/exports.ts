import { z } from 'zod'
import { ALL_ROLES, defineCall } from './define'
import { id } from './plans'
import { period } from './reports'
import { isoDay } from './dashboards'
import type { ExportedFile } from '../core/exporters/common'

const EXPORTERS = ['admin', 'office', 'leader'] as const

export const exportCalls = {
  /** 台账 (.xlsx) of a plan as of a day */
  'exports.ledger': defineCall<ExportedFile>()({ input: z.object({ planId: id.optional(), asOf: isoDay.optional() }), roles: EXPORTERS }),
  /** 督查通报 (.docx) for a month; the number is kept per period */
  'exports.bulletin': defineCall<ExportedFile>()({ input: z.object({ period, planId: id.optional() }), roles: EXPORTERS }),
  /** the same bulletin as print-ready HTML (A4, GB/T 9704 margins) for printToPDF */
  'exports.bulletinHtml': defineCall<{ title: string; html: string }>()({
    input: z.object({ period, planId: id.optional() }),
    roles: EXPORTERS,
  }),
  /** 督办通知书 (.docx) for one 督办单: the office, leaders, and the unit it was sent to */
  'exports.noticeDocx': defineCall<ExportedFile>()({ input: z.object({ noticeId: id }), roles: ALL_ROLES }),
  /** 督办台账 (.xlsx): every 督办单 of the year with its state, replies and decisions */
  'exports.noticeLedger': defineCall<ExportedFile>()({
    input: z.object({ year: z.int32().min(1990).max(2100).optional() }),
    roles: EXPORTERS,
  }),
  /** the same 督办通知书 as print-ready HTML (A4, GB/T 9704) */
  'exports.noticeHtml': defineCall<{ title: string; html: string }>()({ input: z.object({ noticeId: id }), roles: ALL_ROLES }),
}
