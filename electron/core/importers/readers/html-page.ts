/**
 * A web page saved as .html: its paragraphs become lines and its tables become numbered task
 * lines, as Word tables do. Merged cells are spread back: a cell with rowspan fills the rows
 * below it, and a row that only continues the numbered row above (its number cell is merged)
 * adds its task text to that row instead of making a task of its own.
 */
import { isNode, parseHtml, textOf, type HtmlNode } from './html'
import { readHeader, tableToLines } from './table'

const BLOCK =
  /^(html|body|main|header|footer|nav|form|p|div|h[1-6]|li|tr|table|section|article|ul|ol|dl|dt|dd|center|blockquote|pre|title)$/
const SKIP = /^(script|style|head|noscript|iframe|svg|button|select|option)$/

/** A cell's text: lines of short names joined with 、 (县水务局<br>县住建局), other lines run on. */
function cellText(cell: HtmlNode): string {
  const lines = textOf(cell)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const names = lines.length > 1 && lines.every((l) => l.length <= 20 && !/[。，,；;：:]/.test(l))
  return lines.join(names ? '、' : '')
}

interface Spread {
  rows: string[][]
  /** per row, whether its first cell was filled from a merged cell above */
  continued: boolean[]
}

function spreadTable(table: HtmlNode): Spread {
  const trs: HtmlNode[] = []
  const walk = (n: HtmlNode) => {
    if (n.tag === 'tr') trs.push(n)
    else if (n.tag !== 'table' || n === table) n.children.filter(isNode).forEach(walk)
  }
  walk(table)
  const rows: string[][] = []
  const continued: boolean[] = []
  const pending = new Map<number, { text: string; left: number }>()
  for (const tr of trs) {
    const row: string[] = []
    const cells = tr.children.filter(isNode).filter((c) => c.tag === 'td' || c.tag === 'th')
    let col = 0
    let firstFromAbove = false
    const fillPending = () => {
      while (pending.has(col)) {
        const p = pending.get(col)!
        if (col === 0) firstFromAbove = true
        row[col] = p.text
        if (--p.left === 0) pending.delete(col)
        col++
      }
    }
    for (const cell of cells) {
      fillPending()
      const text = cellText(cell)
      const attrs = attributesOf(cell)
      const span = Math.max(1, Number(attrs.colspan) || 1)
      const down = Math.max(1, Number(attrs.rowspan) || 1)
      for (let k = 0; k < span; k++) {
        row[col] = text
        if (down > 1) pending.set(col, { text, left: down - 1 })
        col++
      }
    }
    fillPending()
    rows.push(Array.from(row, (c) => c ?? ''))
    continued.push(firstFromAbove)
  }
  return { rows, continued }
}

/** parseHtml keeps no attributes, so the reader notes them on the node while parsing (see readHtmlPage). */
const ATTRS = new WeakMap<HtmlNode, Record<string, string>>()
const attributesOf = (n: HtmlNode) => ATTRS.get(n) ?? {}

/** Rows whose number cell was merged from above add their task text to the row above. */
function foldContinuations({ rows, continued }: Spread): string[][] {
  const header = rows.findIndex((r) => readHeader(r) !== null)
  if (header < 0) return rows
  const task = readHeader(rows[header])!.task!
  const out: string[][] = []
  rows.forEach((r, i) => {
    const previous = out[out.length - 1]
    if (i > header && continued[i] && previous && r[task] && r[task] !== previous[task]) previous[task] += r[task]
    else if (!(i > header && continued[i])) out.push(r)
  })
  return out
}

function render(node: HtmlNode, out: string[]) {
  let inline = ''
  const flush = () => {
    for (const l of inline.split('\n')) if (l.trim()) out.push(l.trim())
    inline = ''
  }
  for (const child of node.children) {
    if (!isNode(child)) {
      inline += child
      continue
    }
    if (SKIP.test(child.tag)) continue
    if (!BLOCK.test(child.tag)) {
      inline += textOf(child)
      continue
    }
    flush()
    if (child.tag === 'table') {
      const rows = foldContinuations(spreadTable(child))
      out.push(...(tableToLines({ name: '', rows }) ?? rows.map((r) => r.filter(Boolean).join(' '))))
    } else render(child, out)
  }
  flush()
}

/** Notes each element's attributes (rowspan, colspan) before the generic parser drops them. */
function withAttributes(html: string): HtmlNode {
  const root = parseHtml(html)
  const opening = [...html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)].filter((m) => !m[0].startsWith('</'))
  const nodes: HtmlNode[] = []
  const collect = (n: HtmlNode) => {
    for (const c of n.children)
      if (isNode(c)) {
        nodes.push(c)
        collect(c)
      }
  }
  collect(root)
  // Both lists follow document order, so the k-th opening tag belongs to the k-th element.
  nodes.forEach((n, k) => {
    const attrs: Record<string, string> = {}
    for (const a of (opening[k]?.[2] ?? '').matchAll(/([a-z-]+)\s*=\s*["']?([^"'\s>]+)/gi)) attrs[a[1].toLowerCase()] = a[2]
    ATTRS.set(n, attrs)
  })
  return root
}

export function readHtmlPage(bytes: Uint8Array): string {
  const html = new TextDecoder('utf-8')
    .decode(bytes)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
  const out: string[] = []
  render(withAttributes(html), out)
  return out.join('\n')
}

/** Content that is an HTML page whatever its name says. */
export const looksLikeHtml = (bytes: Uint8Array): boolean =>
  /^\s*(<!DOCTYPE html|<html)/i.test(new TextDecoder('utf-8').decode(bytes.subarray(0, 512)))
