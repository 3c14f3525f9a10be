import { app, BrowserWindow, dialog, ipcMain, session, shell, webContents } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openCore, type CoreApp } from '../core/app'
import { appRoot, dataDirFrom, demoSamplePath, wantsDemo } from '../core/paths'
import { CSP } from '../bridge/static'
import { createIpcInvoker } from './ipc-sessions'
import { installMenu } from './menu'
import { htmlToPdf } from './print'
import { startBackupScheduler, type BackupScheduler } from '../core/backup/scheduler'
import { startEscalationScheduler, type EscalationScheduler } from '../core/escalation/scheduler'
import { openCoreOrAsk } from './damaged'
import { createConnectionCalls, type ConnectionCalls } from './connection-calls'
import { certificateVerdict, cspFor, fingerprintOfPem } from './connection'

const here = dirname(fileURLToPath(import.meta.url))
let mainWindow: BrowserWindow | null = null
let core: CoreApp | null = null
let backups: BackupScheduler | null = null
let escalation: EscalationScheduler | null = null
let connectionCalls: ConnectionCalls | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.whenReady().then(start, (err) => console.error(err))
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '督办台',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  // The window shows only the app itself: no navigation away, no new windows.
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== win.webContents.getURL()) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  loadApp(win)
  return win
}

/**
 * Single use shows the bundled page; connected to the bureau server, the window shows the server's own
 * page (same origin as its API and push channel, so no cross-origin requests, and the page always matches
 * the server's version), trusted by the pinned certificate fingerprint.
 */
function loadApp(win: BrowserWindow): void {
  const connection = connectionCalls?.current()
  if (connection?.mode === 'server') return void win.loadURL(`${connection.serverUrl}/`)
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl) void win.loadURL(devUrl)
  else void win.loadFile(join(here, '../renderer/index.html'))
}

async function start(): Promise<void> {
  const root = appRoot(here)
  // 单机使用 or 连接单位服务器: kept in userData, asked by the renderer on first start
  const connection = createConnectionCalls({
    dir: app.getPath('userData'),
    onChange: () => mainWindow && loadApp(mainWindow),
  })
  connectionCalls = connection
  const opts = { dataDir: dataDirFrom(app.getPath('userData')), demoSample: wantsDemo() ? demoSamplePath(root) : undefined }
  core = await openCoreOrAsk(() => openCore(opts), opts.dataDir, dialog)
  if (!core) return app.quit()
  backups = startBackupScheduler(core)
  escalation = startEscalationScheduler(core)
  const invoker = createIpcInvoker(
    core,
    {
      openPath: (path) => shell.openPath(path),
      htmlToPdf,
      sendEvent: (senderId, event) => webContents.fromId(senderId)?.send('duban:event', event),
    },
    connection,
  )
  ipcMain.handle('duban:invoke', (event, method: unknown, input: unknown) => invoker.invoke(event.sender.id, method, input))

  // The bureau server's self-signed certificate is trusted by its pinned SHA-256 fingerprint only; a changed
  // certificate is refused (and reported to the page); every other host keeps Chromium's own verification.
  session.defaultSession.setCertificateVerifyProc((request, callback) => {
    const verdict = certificateVerdict(connection.current(), request.hostname, request.certificate.data)
    if (verdict === 'refuse') connection.noteMismatch(safeFingerprint(request.certificate.data))
    callback(verdict === 'trust' ? 0 : verdict === 'refuse' ? -2 : -3)
  })
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [cspFor(CSP, connection.current())] } })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'notifications'))

  installMenu(() => mainWindow)
  mainWindow = createWindow()
  const contentsId = mainWindow.webContents.id
  mainWindow.on('closed', () => {
    invoker.forget(contentsId)
    mainWindow = null
  })
}

function safeFingerprint(pem: string): string {
  try {
    return fingerprintOfPem(pem)
  } catch {
    return '（无法读取）'
  }
}

app.on('window-all-closed', () => {
  escalation?.stop()
  // a backup in flight finishes before the database closes and the app quits
  void Promise.resolve(backups?.stop()).then(async () => {
    await core?.close()
    app.quit()
  })
})
