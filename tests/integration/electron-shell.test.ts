import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:tls'

// The Electron binary cannot run here, so the shell runs against a recording stand-in of the
// electron module: what it asks of Electron (window options, CSP, navigation rules, IPC) is checked.
const recorded = vi.hoisted(() => ({
  windows: [] as {
    options: any
    events: Record<string, (...a: any[]) => void>
    openHandler?: (d: { url: string }) => unknown
    loaded?: string
  }[],
  ipc: {} as Record<string, (...a: any[]) => unknown>,
  headers: null as null | ((details: any, cb: (r: any) => void) => void),
  menu: null as any,
  singleInstance: 0,
  verify: null as null | ((request: any, cb: (result: number) => void) => void),
  sent: [] as { id: number; channel: string; event: any }[],
}))

vi.mock('electron', () => {
  class BrowserWindow {
    events: Record<string, (...a: any[]) => void> = {}
    openHandler?: (d: { url: string }) => unknown
    loaded?: string
    webContents = {
      id: 41,
      on: (ev: string, fn: (...a: any[]) => void) => (this.events[ev] = fn),
      setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => (this.openHandler = fn),
      getURL: () => 'file:///app/out/renderer/index.html',
      printToPDF: async () => Buffer.from('%PDF-1.7 printed'),
    }
    constructor(public options: any) {
      recorded.windows.push(this)
    }
    once() {}
    on() {}
    show() {}
    destroy() {}
    loadFile(p: string) {
      this.loaded = p
      return Promise.resolve()
    }
    loadURL(u: string) {
      this.loaded = u
      return Promise.resolve()
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => (recorded.singleInstance++, true),
      on: () => undefined,
      whenReady: () => Promise.resolve(),
      getPath: () => process.env.DUBAN_DATA_DIR,
      getVersion: () => '0.1.0',
      quit: () => undefined,
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: (...a: any[]) => unknown) => (recorded.ipc[channel] = fn) },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: any) => (recorded.headers = fn) },
        setPermissionRequestHandler: () => undefined,
        setCertificateVerifyProc: (fn: any) => (recorded.verify = fn),
      },
    },
    webContents: {
      fromId: (id: number) => ({ send: (channel: string, event: unknown) => recorded.sent.push({ id, channel, event }) }),
    },
    shell: { openExternal: () => Promise.resolve(), openPath: () => Promise.resolve('') },
    Menu: { setApplicationMenu: (m: unknown) => (recorded.menu = m), buildFromTemplate: (t: unknown) => t },
    dialog: { showMessageBox: () => Promise.resolve() },
  }
})

let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-shell-'))
  process.env.DUBAN_DATA_DIR = dir
  vi.resetModules() // a fresh main process for this file, also when an earlier file in this worker started one
  await import('../../electron/main/index')
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1), { timeout: 60_000 })
}, 90_000) // the shell builds the demo database first; a loaded machine needs longer than the default
afterAll(() => {
  delete process.env.DUBAN_DATA_DIR
  rmSync(dir, { recursive: true, force: true })
})

describe('the Electron shell', () => {
  it('takes the single-instance lock and opens one window with the renderer isolated', () => {
    expect(recorded.singleInstance).toBe(1)
    const prefs = recorded.windows[0].options.webPreferences
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    expect(prefs.preload).toMatch(/preload[/\\]index\.cjs$/)
    expect(recorded.windows[0].options.title).toBe('督办台')
    expect(recorded.windows[0].loaded).toMatch(/renderer[/\\]index\.html$/)
  })

  it('sends a strict Content-Security-Policy with every response', () => {
    let headers: any
    recorded.headers!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders))
    const csp: string = headers['Content-Security-Policy'][0]
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain("object-src 'none'")
  })

  it('blocks navigation away from the app and every new window', () => {
    const win = recorded.windows[0]
    const away = { preventDefault: vi.fn() }
    win.events['will-navigate'](away, 'https://example.org/')
    expect(away.preventDefault).toHaveBeenCalled()
    expect(win.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' })
  })

  it('has its menu in Chinese', () => {
    expect(recorded.menu.map((m: { label: string }) => m.label)).toEqual(['文件', '编辑', '视图', '帮助'])
  })

  it('answers the renderer over IPC with the same contract, keeping the session in the main process', async () => {
    const invoke = recorded.ipc['duban:invoke']
    const sender = { sender: { id: 41 } }
    expect(await invoke(sender, 'plans.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    const login = (await invoke(sender, 'auth.login', { username: 'office', password: 'Duban2021' })) as { ok: boolean }
    expect(login.ok).toBe(true)
    const plans = (await invoke(sender, 'plans.list', {})) as { ok: true; data: { docNumber: string }[] }
    expect(plans.data[0].docNumber).toBe('苏州邮管〔2021〕21号')
    expect(await invoke(sender, 'tasks.list', { planId: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('prints the bulletin to PDF in a hidden window that runs no scripts', async () => {
    const invoke = recorded.ipc['duban:invoke']
    const sender = { sender: { id: 41 } }
    const pdf = (await invoke(sender, 'exports.bulletinPdf', { period: '2021-06' })) as {
      ok: true
      data: { fileName: string; contentBase64: string }
    }
    expect(pdf.ok).toBe(true)
    expect(pdf.data.fileName).toMatch(/督查通报.*\.pdf$/)
    expect(Buffer.from(pdf.data.contentBase64, 'base64').toString()).toBe('%PDF-1.7 printed')
    const printer = recorded.windows.at(-1)!
    expect(printer.options).toMatchObject({ show: false, webPreferences: { sandbox: true, javascript: false } })
    expect(printer.loaded).toMatch(/^data:text\/html/)
    expect(decodeURIComponent(printer.loaded!)).toContain('督查通报')
  })

  it('prints a 督办通知书 to PDF the same way, after the core checked who may read it', async () => {
    const invoke = recorded.ipc['duban:invoke']
    const sender = { sender: { id: 41 } }
    const plan = ((await invoke(sender, 'plans.list', {})) as { data: { id: number }[] }).data[0]
    const behind = ((await invoke(sender, 'tasks.list', { planId: plan.id, status: 'behind' })) as { data: { id: number }[] }).data[0]
    const notice = (await invoke(sender, 'reminders.issueNotice', {
      taskId: behind.id,
      issue: '进度滞后',
      requiredReply: '说明原因',
      replyDeadline: '2021-07-30',
    })) as { ok: true; data: { id: number } }
    expect(notice.ok).toBe(true)
    const pdf = (await invoke(sender, 'exports.noticePdf', { noticeId: notice.data.id })) as {
      ok: true
      data: { fileName: string; contentBase64: string }
    }
    expect(pdf.ok).toBe(true)
    expect(pdf.data.fileName).toMatch(/督办通知书\.pdf$/)
    expect(decodeURIComponent(recorded.windows.at(-1)!.loaded!)).toContain('签发人')
    expect(await invoke(sender, 'exports.noticePdf', { noticeId: 999999 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('pushes live updates to the window that signed in, over IPC (webContents.send)', async () => {
    const invoke = recorded.ipc['duban:invoke']
    const sender = { sender: { id: 41 } }
    const plan = ((await invoke(sender, 'plans.list', {})) as { data: { id: number }[] }).data[0]
    const tasks = ((await invoke(sender, 'tasks.list', { planId: plan.id })) as { data: { id: number; version: number }[] }).data
    recorded.sent.length = 0
    const updated = await invoke(sender, 'tasks.update', { taskId: tasks[0].id, version: tasks[0].version, deadline: '2021-12-20' })
    expect(updated).toMatchObject({ ok: true })
    expect(recorded.sent).toContainEqual({
      id: 41,
      channel: 'duban:event',
      event: { name: 'task.changed', data: { taskId: tasks[0].id, version: tasks[0].version + 1 } },
    })
    const stale = await invoke(sender, 'tasks.update', { taskId: tasks[0].id, version: tasks[0].version, deadline: '2021-12-21' })
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale' } })
    await invoke(sender, 'auth.logout', {})
    recorded.sent.length = 0
    await invoke({ sender: { id: 42 } }, 'auth.login', { username: 'office', password: 'Duban2021' })
    await invoke({ sender: { id: 42 } }, 'tasks.update', { taskId: tasks[0].id, version: tasks[0].version + 1, deadline: '2021-12-22' })
    expect(recorded.sent.every((s) => s.id === 42)).toBe(true) // the signed-out window hears nothing more
  })

  it('connects to the bureau server by its pinned certificate fingerprint, and refuses a changed certificate', async () => {
    const cert = (n: string) => readFileSync(join(__dirname, '../fixtures/tls', `server-${n}.crt`), 'utf8')
    const server: Server = createServer({ cert: cert('a'), key: readFileSync(join(__dirname, '../fixtures/tls/server-a.key')) }, (s) =>
      s.end(),
    )
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    const url = `https://127.0.0.1:${(server.address() as { port: number }).port}`
    const invoke = recorded.ipc['duban:invoke']
    const sender = { sender: { id: 41 } }
    try {
      expect(await invoke(sender, 'desktop.connection', {})).toMatchObject({ ok: true, data: { mode: 'unset' } })
      const probe = (await invoke(sender, 'desktop.probeServer', { url })) as { ok: true; data: { fingerprint: string } }
      expect(await invoke(sender, 'desktop.connect', { url, fingerprint: probe.data.fingerprint })).toMatchObject({
        ok: true,
        data: { mode: 'server', serverUrl: url },
      })
      // the window now shows the server's own page: same origin as its API, so no cross-origin calls
      expect(recorded.windows[0].loaded).toBe(`${url}/`)
      const verdict = (hostname: string, pem: string) =>
        new Promise<number>((resolve) => recorded.verify!({ hostname, certificate: { data: pem } }, resolve))
      expect(await verdict('127.0.0.1', cert('a'))).toBe(0)
      expect(await verdict('127.0.0.1', cert('b'))).toBe(-2)
      expect(await verdict('example.org', cert('b'))).toBe(-3)
      expect(await invoke(sender, 'desktop.connection', {})).toMatchObject({ ok: true, data: { mismatch: { seen: expect.any(String) } } })

      let headers: any
      recorded.headers!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders))
      expect(headers['Content-Security-Policy'][0]).toContain(`connect-src 'self' ${url};`)
      // connected to the server, the local database is not spoken to over IPC
      expect(await invoke(sender, 'plans.list', {})).toMatchObject({ ok: false, error: { code: 'remote_mode' } })
    } finally {
      await invoke(sender, 'desktop.useLocal', {})
      server.close()
    }
    expect(recorded.windows[0].loaded).toMatch(/renderer[/\\]index\.html$/)
  })
})
