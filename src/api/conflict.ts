import { ElMessageBox } from 'element-plus'
import { ApiError } from './client'
import { zhLive } from '@/locales/live'

/**
 * Someone else saved first (code 'stale', HTTP 409): the core's message says who changed what and when.
 * Offers to reload what the page shows; nothing is overwritten. Returns true when it handled the error.
 */
export async function offerReload(err: unknown, reload: () => Promise<unknown> | unknown): Promise<boolean> {
  if (!(err instanceof ApiError) || err.code !== 'stale') return false
  try {
    await ElMessageBox.confirm(err.message, zhLive.conflict.title, {
      confirmButtonText: zhLive.conflict.reload,
      cancelButtonText: zhLive.conflict.keep,
      type: 'warning',
      customClass: 'duban-conflict',
    })
    await reload()
  } catch {
    /* kept the form as it is, to copy from; the next save will be refused again until reloaded */
  }
  return true
}
