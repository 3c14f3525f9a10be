import { z } from 'zod'
import { ALL_ROLES, defineCall } from './define'

/**
 * Calls only the desktop window can carry out. The IPC binding handles them in the main process (after
 * the same permission checks as the web calls); over HTTP they answer with a message saying what to do.
 */
export const desktopCalls = {
  'files.openWithSystem': defineCall<{ opened: true }>()({
    input: z.object({ attachmentId: z.number({ error: '编号必须是数字' }).int().positive() }),
    roles: ALL_ROLES,
  }),
}

export const DESKTOP_ONLY_MESSAGE = '浏览器中不能直接调用本机程序打开文件，请点击“下载”后再打开'
