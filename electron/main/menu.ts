import { Menu, app, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'

/** The native menu, in Chinese. */
export function installMenu(getWindow: () => BrowserWindow | null): void {
  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ label: '退出督办台', role: 'quit', accelerator: 'CmdOrCtrl+Q' }] },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '刷新', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于督办台',
          click: () => {
            const win = getWindow()
            const options = {
              type: 'info' as const,
              title: '关于督办台',
              message: `督办台 ${app.getVersion()}`,
              detail: '邮政管理局年度工作要点督查督办系统',
            }
            void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
          },
        },
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
