import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'

// The renderer gets one function to call and one to listen, nothing else; the main process validates every call
// and sends only the events the signed-in person may see.
contextBridge.exposeInMainWorld('duban', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('duban:invoke', method, input),
  onEvent: (listener: (event: unknown) => void) => {
    const forward = (_e: IpcRendererEvent, event: unknown) => listener(event)
    ipcRenderer.on('duban:event', forward)
    return () => void ipcRenderer.removeListener('duban:event', forward)
  },
})
