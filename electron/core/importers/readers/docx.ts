import mammoth from 'mammoth'
import { numberToChinese, parseMarker } from '../parser/numbering'
import { readerErrors } from './errors'
import { isNode, parseHtml, textOf, type HtmlNode } from './html'
import { tableToLines } from './table'
import { assertSafeZip } from './zipGuard'

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'

const hasNestedList = (li: HtmlNode) => li.children.some((c) => isNode(c) && (c.tag === 'ol' || c.tag === 'ul'))

/**
 * Word's automatic numbering is not text, so mammoth drops it. We write it back in the
 * usual government styles: an outer list with sub-lists numbers its items 一、, the rest 1. （1） ①.
 */
function markerFor(styles: string[], depth: number, n: number): string {
  const style = styles[depth] ?? 'circled'
  if (style === 'cn') return `${numberToChinese(n)}、`
  if (style === 'arabic') return `${n}. `
  if (style === 'paren') return `（${n}）`
  return CIRCLED[n - 1] ?? `${n}. `
}

function tableRows(table: HtmlNode): string[][] {
  const rows: string[][] = []
  const walk = (n: HtmlNode) => {
    if (n.tag === 'tr') rows.push(n.children.filter(isNode).map((c) => textOf(c).trim()))
    else n.children.filter(isNode).forEach(walk)
  }
  walk(table)
  return rows
}

const BLOCK = /^(p|h[1-6]|table|ol|ul|li|div)$/

function renderList(list: HtmlNode, out: string[], styles: string[], depth: number) {
  const items = list.children.filter(isNode).filter((c) => c.tag === 'li')
  const own = depth === 0 && items.some(hasNestedList) ? ['cn', 'arabic', 'paren'] : styles
  items.forEach((li, i) => {
    const start = out.length
    render(li, out, own, depth + 1)
    const first = out[start]
    if (list.tag === 'ol' && first !== undefined && !parseMarker(first)) out[start] = markerFor(own, depth, i + 1) + first
  })
}

/** Block children become lines; runs of inline content between them become one line each. */
function render(node: HtmlNode, out: string[], styles: string[], depth: number) {
  let inline = ''
  const flush = () => {
    pushText(out, inline)
    inline = ''
  }
  for (const child of node.children) {
    if (!isNode(child) || !BLOCK.test(child.tag)) {
      inline += textOf(child)
      continue
    }
    flush()
    if (child.tag === 'table') {
      const rows = tableRows(child)
      out.push(...(tableToLines({ name: '', rows }) ?? rows.map((r) => r.filter(Boolean).join(' '))))
    } else if (child.tag === 'ol' || child.tag === 'ul') renderList(child, out, styles, depth)
    else if (child.children.some((c) => isNode(c) && BLOCK.test(c.tag))) render(child, out, styles, depth)
    else pushText(out, textOf(child))
  }
  flush()
}

const pushText = (out: string[], text: string) => {
  for (const line of text.split('\n')) if (line.trim()) out.push(line.trim())
}

/** A .docx file → its paragraphs as lines, numbered lists renumbered, tables as task lines. */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  await assertSafeZip(bytes, 'Word')
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { ignoreEmptyParagraphs: true },
    )
    html = result.value
  } catch {
    throw readerErrors.corrupt('Word')
  }
  const lines: string[] = []
  render(parseHtml(html), lines, ['arabic', 'paren', 'circled'], 0)
  return lines.join('\n')
}
