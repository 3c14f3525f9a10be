import { z } from 'zod'
import { OFFICE, defineCall } from './define'
import type { CommitResult, ImportPreview } from '../core/imports/types'
import { calendarDay } from './dates'

/** 20 MB of file is about 27 MB of base64: refuse larger bodies before decoding them. */
const MAX_BASE64 = Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4

const comparator = z.enum(['=', '>=', '>', '<=', '<'])
const name = z.string().trim().min(1, '单位名称不能为空').max(60, '单位名称过长')
const taskRef = z.object({ list: z.string().min(1), number: z.int32().min(0) })

/** The draft as the office edited it in the preview: validated again before it is written. */
export const planDraftSchema = z.object({
  plan: z.object({
    title: z.string().trim().min(1, '文件标题不能为空').max(300),
    issuer: z.string().max(100).nullable(),
    docNumber: z.string().max(100).nullable(),
    issuedOn: calendarDay('印发日期').nullable(),
    year: z.int32().min(1990).max(2100).nullable(),
  }),
  lists: z
    .array(
      z.object({
        name: z.string().trim().min(1, '清单名称不能为空').max(100),
        kind: z.enum(['work_points', 'key_works', 'livelihood', 'other']),
        sections: z.array(
          z.object({
            number: z.string().max(20).nullable(),
            title: z.string().max(300).nullable(),
            tasks: z.array(
              z.object({
                number: z.int32().min(0).max(100000),
                text: z.string().trim().min(1, '任务内容不能为空').max(5000),
                leads: z.array(name).max(20),
                coops: z.array(name).max(50),
                deadline: calendarDay('完成时限').nullable(),
                deadlineText: z.string().max(100).nullable(),
                targets: z
                  .array(
                    z.object({
                      value: z.number().finite(),
                      unit: z.string().max(20),
                      comparator,
                      about: z.string().max(200),
                      text: z.string().max(200),
                    }),
                  )
                  .max(50),
                line: z.int32().min(0),
                // The parser's reasons travel with the draft so the preview can show them; commit ignores them.
                basis: z
                  .object({ task: z.string().max(300), leads: z.string().max(300), targets: z.array(z.string().max(300)).max(50) })
                  .optional(),
                doubts: z.array(z.string().max(300)).max(20).optional(),
              }),
            ),
          }),
        ),
      }),
    )
    .min(1, '没有任何清单，无法导入'),
  indicators: z.array(
    z.object({
      name: z.string().min(1).max(100),
      unit: z.string().max(20),
      target: z.number().finite(),
      comparator,
      growthPct: z.number().finite().nullable(),
      baseline: z.number().finite().nullable(),
      baselineYear: z.int32().nullable(),
      targetYear: z.int32().nullable(),
      text: z.string().max(500),
    }),
  ),
  links: z.array(z.object({ a: taskRef, b: taskRef, similarity: z.number().min(0).max(1) })).optional(),
  warnings: z.array(
    z.object({ code: z.string(), message: z.string(), at: z.object({ list: z.string(), number: z.number().optional() }).optional() }),
  ),
})

export const importCalls = {
  'imports.previewFile': defineCall<ImportPreview>()({
    input: z.object({
      fileName: z.string().trim().min(1, '缺少文件名').max(255, '文件名过长'),
      contentBase64: z.string().min(1, '文件是空的，请检查是否选错了文件').max(MAX_BASE64, '文件超过20MB，请检查是否选错了文件'),
    }),
    roles: OFFICE,
  }),
  'imports.previewText': defineCall<ImportPreview>()({
    input: z.object({
      text: z.string().trim().min(1, '请粘贴文件内容').max(2_000_000, '文本过长（超过200万字），请检查是否粘贴了错误内容'),
    }),
    roles: OFFICE,
  }),
  'imports.commit': defineCall<CommitResult>()({
    input: z.object({
      draft: planDraftSchema,
      text: z.string().max(2_000_000),
      sourceName: z.string().max(255).nullable(),
      unitMapping: z.record(z.string(), z.union([z.object({ unitId: z.int32().positive() }), z.object({ create: z.object({ name }) })])),
      links: z.array(z.object({ a: taskRef, b: taskRef, similarity: z.number().min(0).max(1) })).max(500),
      replacePlanId: z.int32().positive().nullable(),
    }),
    roles: OFFICE,
  }),
}
