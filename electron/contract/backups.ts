import { z } from 'zod'
import { defineCall } from './define'
import type { BackupOverview, BackupView } from '../core/backup/service'
import type { ExportedFile } from '../core/exporters/common'
import { id } from './plans'

export type { BackupOverview, BackupView }

const ADMIN = ['admin'] as const
const backupName = z
  .string({ error: '请指定备份' })
  .trim()
  .regex(/^[\w.-]{1,120}$/, { error: '备份名称不正确' })

export const backupCalls = {
  /** backups in the chosen folder with size, time and the quick check; a staged restore, the last restore's outcome */
  'backups.list': defineCall<BackupOverview>()({ input: z.object({}), roles: ADMIN }),
  /** 立即备份 */
  'backups.create': defineCall<BackupView>()({ input: z.object({}), roles: ADMIN }),
  /** 校验: every SHA-256 recomputed, and SQLite's quick_check of the copy (PostgreSQL: pg_restore --list of the dump) */
  'backups.verify': defineCall<BackupView>()({ input: z.object({ name: backupName }), roles: ADMIN }),
  /** 恢复: verified now, applied at the next start; confirmName must repeat the backup's name */
  'backups.restore': defineCall<{ staged: true; name: string }>()({
    input: z.object({ name: backupName, confirmName: z.string({ error: '请输入备份名称以确认' }).max(200) }),
    roles: ADMIN,
  }),
  'backups.cancelRestore': defineCall<{ cancelled: boolean }>()({ input: z.object({}), roles: ADMIN }),
  /** null goes back to the default folder beside the database */
  'backups.setFolder': defineCall<{ folder: string }>()({
    input: z.object({ folder: z.string().max(1000, { error: '路径太长' }).nullable() }),
    roles: ADMIN,
  }),
  /** a year's plan with all its reports, reviews, notices, instructions and evidence, for the 档案 (zip) */
  'archives.export': defineCall<ExportedFile>()({ input: z.object({ planId: id }), roles: ['admin', 'office'] }),
}
