/** A minimal tree of the simple HTML mammoth writes: p, h1–h6, ol/ul/li, table/tr/td, inline tags. */
export interface HtmlNode {
  tag: string
  children: (HtmlNode | string)[]
}

const VOID = new Set(['br', 'img', 'hr'])
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return Number.isFinite(code) ? String.fromCodePoint(code) : all
    }
    return ENTITIES[e.toLowerCase()] ?? all
  })
}

export function parseHtml(html: string): HtmlNode {
  const root: HtmlNode = { tag: 'root', children: [] }
  const stack: HtmlNode[] = [root]
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/gi)) {
    const top = stack[stack.length - 1]
    if (m[4] !== undefined) {
      top.children.push(decodeEntities(m[4]))
      continue
    }
    const tag = m[2].toLowerCase()
    if (m[1]) {
      const at = stack.map((n) => n.tag).lastIndexOf(tag)
      if (at > 0) stack.length = at
      continue
    }
    const node: HtmlNode = { tag, children: [] }
    top.children.push(node)
    if (tag === 'br') node.children.push('\n')
    if (!VOID.has(tag) && !m[3]) stack.push(node)
  }
  return root
}

/** All text inside a node, inline tags flattened. */
export function textOf(node: HtmlNode | string): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('')
}

export const isNode = (n: HtmlNode | string): n is HtmlNode => typeof n !== 'string'
