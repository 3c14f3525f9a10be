import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, rmSync, truncateSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../../electron/core/app'
import { demoSamplePath } from '../../electron/core/paths'
import { createBackup, snapshotOfFile } from '../../electron/core/backup/create'

// The same recording stand-in of the electron module as electron-shell.test.ts, with a dialog that answers
// "恢复最近的备份": the shell must say what is wrong and restore, never open a new empty database.
const recorded = vi.hoisted(() => ({
  windows: [] as unknown[],
  ipc: {} as Record<string, (...a: any[]) => unknown>,
  messageBoxes: [] as any[],
  errorBoxes: [] as [string, string][],
}))

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { id: 7, on: () => undefined, setWindowOpenHandler: () => undefined, getURL: () => '' }
    constructor() {
      recorded.windows.push(this)
    }
    once() {}
    on() {}
    loadFile() {
      return Promise.resolve()
    }
    loadURL() {
      return Promise.resolve()
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
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
        webRequest: { onHeadersReceived: () => undefined },
        setPermissionRequestHandler: () => undefined,
        setCertificateVerifyProc: () => undefined,
      },
    },
    webContents: { fromId: () => ({ send: () => undefined }) },
    shell: { openExternal: () => Promise.resolve(), openPath: () => Promise.resolve('') },
    Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (t: unknown) => t },
    dialog: {
      showMessageBox: (opts: unknown) => {
        recorded.messageBoxes.push(opts)
        return Promise.resolve({ response: 0 })
      },
      showErrorBox: (title: string, body: string) => recorded.errorBoxes.push([title, body]),
    },
  }
})

let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-shell-damaged-'))
  const core = await openCore({ dataDir: dir, demoSample: demoSamplePath() })
  await createBackup({ dataDir: dir, source: snapshotOfFile(join(dir, 'duban.db')), kind: 'manual', now: new Date() })
  await core.close()
  truncateSync(join(dir, 'duban.db'), 0)
  process.env.DUBAN_DATA_DIR = dir
  vi.resetModules() // a fresh main process for this file, also when an earlier file in this worker started one
  await import('../../electron/main/index')
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1), { timeout: 30_000 })
}, 60_000)
afterAll(() => {
  delete process.env.DUBAN_DATA_DIR
  rmSync(dir, { recursive: true, force: true })
})

describe('the Electron shell with a database truncated to 0 bytes', () => {
  it('says so in a dialog, in Chinese, offering the latest good backup', () => {
    expect(recorded.messageBoxes).toHaveLength(1)
    const box = recorded.messageBoxes[0]
    expect(box).toMatchObject({ type: 'error', buttons: ['恢复最近的备份', '退出'] })
    expect(box.detail).toContain('0 字节')
    expect(box.detail).toMatch(/duban-\d{8}-\d{6}-manual/)
    expect(recorded.errorBoxes).toEqual([])
  })

  it('restores the backup when asked, keeps the empty file aside, and then opens the app on the restored data', async () => {
    expect(readdirSync(dir).some((f) => /^duban\.before-restore-.*\.db$/.test(f))).toBe(true)
    expect(existsSync(join(dir, 'duban.db'))).toBe(true)
    const invoke = recorded.ipc['duban:invoke']
    const login = (await invoke({ sender: { id: 7 } }, 'auth.login', { username: 'office', password: 'Duban2021' })) as { ok: boolean }
    expect(login.ok).toBe(true)
    const plans = (await invoke({ sender: { id: 7 } }, 'plans.list', {})) as { data: { docNumber: string }[] }
    expect(plans.data[0].docNumber).toBe('苏州邮管〔2021〕21号')
  })
})
