import { z } from 'zod'
import { OFFICE, defineCall } from './define'
import { id } from './plans'
import { calendarDay } from './dates'
import type { InterviewView } from '../core/interviews/service'

const text = (what: string, max = 5000) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不超过${max}字`)
/** the office sees every 约谈; a leader those of the units in their charge (checked in the core) */
const READERS = ['admin', 'office', 'leader'] as const

export const interviewCalls = {
  'interviews.list': defineCall<InterviewView[]>()({
    input: z.object({
      status: z.enum(['pending', 'held', 'rectified']).optional(),
      year: z.int32().min(2000).max(2100).optional(),
    }),
    roles: READERS,
  }),
  'interviews.create': defineCall<InterviewView>()({
    input: z.object({ unitId: id, reason: text('约谈事由', 2000), taskIds: z.array(id).max(50).optional() }),
    roles: OFFICE,
  }),
  'interviews.record': defineCall<InterviewView>()({
    input: z.object({
      interviewId: id,
      heldOn: calendarDay('约谈日期'),
      participants: text('参加人员', 500),
      record: text('约谈记录'),
      requirements: text('整改要求', 2000),
    }),
    roles: READERS,
  }),
  'interviews.rectify': defineCall<InterviewView>()({
    input: z.object({ interviewId: id, rectifiedOn: calendarDay('整改完成日期'), note: text('整改情况', 2000) }),
    roles: READERS,
  }),
}
