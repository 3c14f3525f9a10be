import { contextBridge, ipcRenderer } from 'electron'

// The renderer gets one function and nothing else; the main process validates every call.
contextBridge.exposeInMainWorld('duban', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('duban:invoke', method, input),
})
