/**
 * Web-page furniture around an article pasted or saved from a site: the site's name, the breadcrumb
 * (当前位置：首页 > …), the date-and-source line, the reporter's byline. None of it is the title or the issuer.
 */
import type { SourceLine } from './lines'

const BREADCRUMB = /(当前(所在)?(位置)?|您的位置|你的位置|當前位置)\s*[:：]|首页\s*(>|＞|»|›|\/)/
const META_FIELD = '(发布)?(时间|日期)|发布于|来源|作者|栏目|浏览|点击|字号|發布時間|來源|欄目|編輯|编辑'
const META_LINE = new RegExp(`^(${META_FIELD})\\s*[:：]|\\s(${META_FIELD})\\s*[:：]`)
const BYLINE = /^[□■◇◆]?\s*(本报)?(记者|通讯员|通訊員|記者)/

/** How many leading lines a breadcrumb may sit below: a site's name and menu, not the article. */
const HEADER_DEPTH = 10

export const isPageFurniture = (text: string): boolean =>
  BREADCRUMB.test(text) || (text.length <= 80 && META_LINE.test(text)) || BYLINE.test(text)

/** The lines where a title or issuer may stand: after any breadcrumb near the top, without furniture lines. */
export function withoutPageFurniture(lines: SourceLine[]): SourceLine[] {
  const crumb = lines.slice(0, HEADER_DEPTH).findIndex((l) => BREADCRUMB.test(l.text))
  return lines.slice(crumb + 1).filter((l) => !isPageFurniture(l.text))
}
