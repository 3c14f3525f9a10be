import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatch, type CoreEnv } from '../contract/dispatch'
import { contract, type Envelope } from '../contract'
import { LOCAL_CALLER } from '../core/security/caller'
import type { DubanEvent } from '../contract/events'
import { resolveSession } from '../core/users/service'
import type { ConnectionCalls } from './connection-calls'

/** What only the desktop shell can do; injected so this file imports nothing from electron. */
export interface DesktopShell {
  /** opens a file with the program the system associates with it; resolves to an error text or '' */
  openPath(path: string): Promise<string>
  /** prints a self-contained HTML page to an A4 PDF with the window's Chromium */
  htmlToPdf(html: string): Promise<Uint8Array>
  /** pushes a live update to one window (webContents.send); the preload hands it to the page */
  sendEvent?(senderId: number, event: DubanEvent): void
}

type FileData = { id: number; fileName: string; dataBase64: string }

/**
 * A name safe to put on disk: the stored name is only a label and never trusted as a path. Bidi
 * overrides are dropped too (names stored before uploads stripped them), so the system's file
 * handler sees the extension the name really ends with.
 */
const safeName = (name: string) =>
  name
    .replace(/[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]/g, '_')
    .slice(-120) || 'file'

/**
 * In the window the token never reaches the renderer's storage: the main process keeps it per
 * web contents and hands it to the same dispatcher the HTTP bridge uses. No electron import here.
 */
export function createIpcInvoker(env: CoreEnv, desktop?: DesktopShell, connection?: ConnectionCalls) {
  const tokens = new Map<number, string>()
  const subscriptions = new Map<number, () => void>()

  /** After login the window receives the events its person may see, as the SSE stream would carry them. */
  async function subscribe(senderId: number, token: string): Promise<void> {
    unsubscribe(senderId)
    if (!env.events || !desktop?.sendEvent) return
    const actor = await resolveSession(env, token)
    subscriptions.set(
      senderId,
      env.events.subscribe(actor, (event) => desktop.sendEvent!(senderId, event)),
    )
  }
  function unsubscribe(senderId: number): void {
    subscriptions.get(senderId)?.()
    subscriptions.delete(senderId)
  }

  /** files.openWithSystem: read through the core (same permission as files.read), then hand to the system. */
  async function openWithSystem(token: string | null, input: unknown): Promise<Envelope<unknown>> {
    const parsed = contract['files.openWithSystem'].input.safeParse(input ?? {})
    if (!parsed.success || !desktop) return dispatch(env, 'files.openWithSystem', input, token, LOCAL_CALLER)
    const read = await dispatch(env, 'files.read', parsed.data, token, LOCAL_CALLER)
    if (!read.ok) return read
    const file = read.data as FileData
    const dir = join(tmpdir(), 'duban-open')
    mkdirSync(dir, { recursive: true })
    const path = join(dir, `${file.id}-${safeName(file.fileName)}`)
    writeFileSync(path, Buffer.from(file.dataBase64, 'base64'))
    const problem = await desktop.openPath(path)
    return problem
      ? { ok: false, error: { code: 'open_failed', message: `无法打开文件：${problem}` } }
      : { ok: true, data: { opened: true } }
  }

  /**
   * exports.bulletinPdf / exports.noticePdf: the core builds the document's HTML (with its permission check);
   * Chromium prints it.
   */
  async function printPdf(
    method: 'exports.bulletinPdf' | 'exports.noticePdf',
    token: string | null,
    input: unknown,
  ): Promise<Envelope<unknown>> {
    const parsed = contract[method].input.safeParse(input ?? {})
    if (!parsed.success || !desktop) return dispatch(env, method, input, token, LOCAL_CALLER)
    const htmlCall = method === 'exports.bulletinPdf' ? 'exports.bulletinHtml' : 'exports.noticeHtml'
    const page = await dispatch(env, htmlCall, parsed.data, token, LOCAL_CALLER)
    if (!page.ok) return page
    const { title, html } = page.data as { title: string; html: string }
    const pdf = await desktop.htmlToPdf(html)
    return { ok: true, data: { fileName: `${safeName(title)}.pdf`, contentBase64: Buffer.from(pdf).toString('base64') } }
  }

  return {
    async invoke(senderId: number, method: unknown, input: unknown): Promise<Envelope<unknown>> {
      if (typeof method !== 'string') return { ok: false, error: { code: 'invalid_input', message: '调用格式不正确' } }
      if (method.startsWith('desktop.') && connection) return connection.handle(method, input)
      if (connection?.current().mode === 'server')
        return { ok: false, error: { code: 'remote_mode', message: '本机已设置为连接单位服务器，请重新打开窗口' } }
      const token = tokens.get(senderId) ?? null
      if (method === 'files.openWithSystem') return openWithSystem(token, input)
      if (method === 'exports.bulletinPdf' || method === 'exports.noticePdf') return printPdf(method, token, input)
      // The window runs on this machine: it may set up the first admin without a code.
      const result = await dispatch(env, method, input, token, LOCAL_CALLER)
      if (result.ok && method === 'auth.login') {
        const t = (result.data as { token: string }).token
        tokens.set(senderId, t)
        await subscribe(senderId, t)
      }
      if (method === 'auth.logout' || (!result.ok && result.error.code === 'session_expired')) {
        tokens.delete(senderId)
        unsubscribe(senderId)
      }
      return result
    },
    forget(senderId: number) {
      tokens.delete(senderId)
      unsubscribe(senderId)
    },
  }
}
