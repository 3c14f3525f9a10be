import { z } from 'zod'
import { defineCall, OFFICE } from './define'
import type { BureauSettings } from '../core/settings/bureau'
import type { Onboarding } from '../core/settings/onboarding'
import type { CalendarLine } from '../core/calendar/parse'

const ADMIN = ['admin'] as const
const prefix = z.string().trim().max(20, '文号前缀不超过20个字')

/** A zone the clock can use, e.g. Asia/Shanghai. */
const timeZone = z
  .string()
  .trim()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('zh-CN', { timeZone: tz })
      return true
    } catch {
      return false
    }
  }, '时区无法识别，应为 Asia/Shanghai 这样的写法')

export const settingsCalls = {
  /** the core's clock (the demo runs on 2021-07-20): the renderer's clocks, date pickers and defaults read this, never the computer's */
  'app.clock': defineCall<{ now: string; today: string; timeZone: string }>()({ input: z.object({}), roles: 'public' }),
  /** 本局信息 as the administrator edits it */
  'settings.bureau': defineCall<BureauSettings>()({ input: z.object({}), roles: ADMIN }),
  'settings.setBureau': defineCall<BureauSettings>()({
    input: z.object({
      name: z.string().trim().min(2, '请填写本局名称').max(40, '本局名称不超过40个字'),
      shortName: z.string().trim().max(20, '简称不超过20个字'),
      noticePrefix: prefix.min(1, '请填写督办单文号前缀'),
      bulletinPrefix: prefix,
      reportingDay: z.number().int('报送日应为整数').min(1, '报送日应在1到31之间').max(31, '报送日应在1到31之间'),
      timeZone,
    }),
    roles: ADMIN,
  }),
  /** the bureau's name for the login page and the header: shown before anyone signs in */
  'settings.branding': defineCall<{ name: string; shortName: string }>()({ input: z.object({}), roles: 'public' }),
  /** 法定节假日 and 调休 days */
  'settings.calendar': defineCall<CalendarLine[]>()({
    input: z.object({ year: z.int32().min(2000).max(2100).optional() }),
    roles: ADMIN,
  }),
  /** a year's calendar from lines such as 2021-10-01,holiday,国庆节; replaces the years it covers */
  'settings.importCalendar': defineCall<{ years: number[]; holidays: number; workdays: number }>()({
    input: z.object({ text: z.string().min(1, '文件是空的').max(200_000, '文件过大') }),
    roles: ADMIN,
  }),
  /** 常用批示语: read by everyone who writes or answers a 批示 */
  'settings.instructionPhrases': defineCall<string[]>()({ input: z.object({}), roles: ['admin', 'office', 'leader'] }),
  'settings.setInstructionPhrases': defineCall<string[]>()({
    input: z.object({ phrases: z.array(z.string().max(200, '每条批示语不超过200字')).max(30, '常用批示语最多30条') }),
    roles: ['admin', 'office', 'leader'],
  }),
  /** the first-steps checklist on the administrator's and the office's home page */
  'settings.onboarding': defineCall<Onboarding>()({ input: z.object({}), roles: OFFICE }),
}
