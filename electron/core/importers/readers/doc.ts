import WordExtractor from 'word-extractor'
import { readerErrors } from './errors'
import { tabRowsToLines } from './tab-rows'

/**
 * A Word 97–2003 (.doc) file, or a WPS file saved in the same binary format, → its text.
 * Tables come out of the binary format as tab-separated rows; they are read as tables.
 */
export async function readDoc(bytes: Uint8Array, ext: string): Promise<string> {
  let body: string
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    body = document.getBody()
  } catch {
    throw readerErrors.oldFormat(ext)
  }
  if (!body.trim()) throw readerErrors.oldFormat(ext)
  return tabRowsToLines(body)
}
