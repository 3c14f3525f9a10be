/**
 * GB/T 9704 7.3.5.2 (a document without a seal): the 署名 one line under the body, right-indented two characters,
 * and the 成文日期 on the next line with its first character two characters right of the 署名's; when the 署名 is
 * shorter than the date, the date keeps two characters to the right and the 署名 is centred over it. Pure: indents in characters.
 */
import { textUnits } from '../sheetLayout'

export function signatureIndents(signature: string, date: string): { signature: number; date: number } {
  const sig = textUnits(signature) / 2
  const day = textUnits(date) / 2
  if (sig >= day) return { signature: 2, date: sig - day }
  return { signature: 2 + (day - sig) / 2, date: 2 }
}
