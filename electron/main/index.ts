import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openCore, type CoreApp } from '../core/app'
import { appRoot, dataDirFrom, demoSamplePath, wantsDemo } from '../core/paths'
import { CSP } from '../bridge/static'
import { createIpcInvoker } from './ipc-sessions'
import { installMenu } from './menu'
import { htmlToPdf } from './print'
import { startBackupScheduler, type BackupScheduler } from '../core/backup/scheduler'
import { openCoreOrAsk } from './damaged'

const here = dirname(fileURLToPath(import.meta.url))
let mainWindow: BrowserWindow | null = null
let core: CoreApp | null = null
let backups: BackupScheduler | null = null

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
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl) void win.loadURL(devUrl)
  else void win.loadFile(join(here, '../renderer/index.html'))
  return win
}

async function start(): Promise<void> {
  const root = appRoot(here)
  const opts = { dataDir: dataDirFrom(app.getPath('userData')), demoSample: wantsDemo() ? demoSamplePath(root) : undefined }
  core = await openCoreOrAsk(() => openCore(opts), opts.dataDir, dialog)
  if (!core) return app.quit()
  backups = startBackupScheduler(core)
  const invoker = createIpcInvoker(core, { openPath: (path) => shell.openPath(path), htmlToPdf })
  ipcMain.handle('duban:invoke', (event, method: unknown, input: unknown) => invoker.invoke(event.sender.id, method, input))

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } })
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

app.on('window-all-closed', () => {
  backups?.stop()
  void core?.close()
  app.quit()
})
