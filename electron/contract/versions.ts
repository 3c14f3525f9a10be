import { z } from 'zod'

/**
 * The version an edit was based on (optimistic concurrency). Every edit of shared data sends back the
 * version its view carried; the core refuses it with code 'stale' (HTTP 409) when someone wrote since.
 */
export const version = z.int32({ error: '缺少版本号，请刷新页面后再改' }).min(1, '版本号应为正整数')

export const taskVersions = z
  .array(z.object({ taskId: z.int32().positive(), version }), { error: '缺少任务的版本号，请刷新页面后再改' })
  .max(500, '一次最多处理500项任务')

/** A report form's revision: null when it starts a new report. */
export const reportRevision = z.int32({ error: '缺少报送的版本号，请刷新页面后再改' }).min(1).nullable()
