import { z } from 'zod'
import { ALL_ROLES, defineCall } from './define'
import { period } from './reports'
import type { ExportedFile } from '../core/exporters/common'

/**
 * Calls only the desktop window can carry out. The IPC binding handles them in the main process (after
 * the same permission checks as the web calls); over HTTP they answer with a message saying what to do.
 */
export const desktopCalls = {
  'files.openWithSystem': defineCall<{ opened: true }>()({
    input: z.object({ attachmentId: z.number({ error: '编号必须是数字' }).int().positive() }),
    roles: ALL_ROLES,
  }),
  /** the 督查通报 as PDF, printed by the window's own Chromium (printToPDF) from exports.bulletinHtml */
  'exports.bulletinPdf': defineCall<ExportedFile>()({
    input: z.object({ period, planId: z.number().int().positive().optional() }),
    roles: ['admin', 'office', 'leader'],
  }),
}

export const DESKTOP_ONLY_MESSAGE = '浏览器中不能直接调用本机程序打开文件，请点击“下载”后再打开'
export const DESKTOP_PDF_MESSAGE = '浏览器中请使用“打印预览”，在打印对话框中选择“另存为PDF”'
