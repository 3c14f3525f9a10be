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
    input: z.object({ attachmentId: z.int32({ error: '编号必须是数字' }).positive() }),
    roles: ALL_ROLES,
  }),
  /** the 督查通报 as PDF, printed by the window's own Chromium (printToPDF) from exports.bulletinHtml */
  'exports.bulletinPdf': defineCall<ExportedFile>()({
    input: z.object({ period, planId: z.int32().positive().optional() }),
    roles: ['admin', 'office', 'leader'],
  }),
  /** the 督办通知书 as PDF, printed the same way from exports.noticeHtml */
  'exports.noticePdf': defineCall<ExportedFile>()({
    input: z.object({ noticeId: z.int32().positive() }),
    roles: ALL_ROLES,
  }),
}

/** Where the desktop app connects (单机使用 or 连接单位服务器); asked before anyone signs in. */
export interface ConnectionView {
  mode: 'unset' | 'local' | 'server'
  serverUrl: string | null
  fingerprint: string | null
  mismatch: { seen: string; at: string } | null
}
export interface ServerProbe {
  serverUrl: string
  fingerprint: string
  subject: string
  validTo: string
  /** the fingerprint pinned earlier for this address, if any */
  pinned: string | null
  changed: boolean
}
const serverUrl = z.string().trim().min(1, '请填写单位服务器的地址').max(300, '地址过长')

export const connectionCalls = {
  'desktop.connection': defineCall<ConnectionView>()({ input: z.object({}), roles: 'public' }),
  'desktop.useLocal': defineCall<ConnectionView>()({ input: z.object({}), roles: 'public' }),
  'desktop.probeServer': defineCall<ServerProbe>()({ input: z.object({ url: serverUrl }), roles: 'public' }),
  'desktop.connect': defineCall<ConnectionView>()({
    input: z.object({
      url: serverUrl,
      fingerprint: z.string().trim().min(1, '缺少证书指纹').max(200),
      /** set only after the person was warned that the pinned fingerprint changed, and checked the new one */
      acceptChangedFingerprint: z.boolean().optional(),
    }),
    roles: 'public',
  }),
}

export const DESKTOP_CONNECTION_MESSAGE = '只有桌面版可以设置连接方式；浏览器已经连接在这台服务器上'

export const DESKTOP_ONLY_MESSAGE = '浏览器中不能直接调用本机程序打开文件，请点击“下载”后再打开'
export const DESKTOP_PDF_MESSAGE = '浏览器中请使用“打印预览”，在打印对话框中选择“另存为PDF”'
