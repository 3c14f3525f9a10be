/** The largest file the page sends; the core refuses the same size with the same words. */
export const MAX_FILE_MB = 20
export const ACCEPTED = '.txt,.doc,.docx,.wps,.xlsx,.csv,.pdf,.ofd,.html,.htm'

/** A chosen file as base64 without the data-URL prefix, as imports.previewFile wants it. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result ?? '')
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}
