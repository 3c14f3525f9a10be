/**
 * A database refused at start (missing, empty, damaged, rows lost): the desktop says so in a dialog and offers
 * to restore the newest good backup. Nothing here creates a new database in place of the old one.
 */
import type { Dialog } from 'electron'
import type { CoreApp } from '../core/app'
import { DatabaseRefused } from '../core/backup/health'
import { restoreBackup } from '../core/backup/restore'
import { DubanError } from '../core/errors'

type Dialogs = Pick<Dialog, 'showMessageBox' | 'showErrorBox'>

/** Resolves to the opened core, or null when the app should quit. */
export async function openCoreOrAsk(open: () => Promise<CoreApp>, dataDir: string, dialog: Dialogs): Promise<CoreApp | null> {
  try {
    return await open()
  } catch (err) {
    if (!(err instanceof DatabaseRefused)) {
      dialog.showErrorBox('督办台无法启动', err instanceof DubanError ? err.message : `出错了：${(err as Error).message}`)
      return null
    }
    if (!err.latestBackup) {
      dialog.showErrorBox('督办台数据库异常，已停止启动', err.message)
      return null
    }
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: '督办台数据库异常',
      message: '数据库缺失或已损坏，督办台没有打开它。',
      detail: `${err.problems.join('\n')}\n\n可以恢复最近一份校验通过的备份 ${err.latestBackup.name}。恢复时当前数据库会改名保留，不会删除。`,
      buttons: ['恢复最近的备份', '退出'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    })
    if (response !== 0) return null
    try {
      await restoreBackup({ dataDir, backup: err.latestBackup.path, now: new Date() })
    } catch (restoreErr) {
      dialog.showErrorBox('恢复没有完成', restoreErr instanceof DubanError ? restoreErr.message : String(restoreErr))
      return null
    }
    return openCoreOrAsk(open, dataDir, dialog)
  }
}
