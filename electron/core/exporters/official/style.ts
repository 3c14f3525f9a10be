/** GB/T 9704 figures shared by every 公文 (督查通报, 督办通知书) in Word and in HTML. */
export const FONTS = {
  /** 小标宋: the title and the issuing organ's mark */
  title: '方正小标宋简体',
  titleFallback: '宋体',
  body: '仿宋_GB2312',
  bodyFallback: '仿宋',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  heading2Fallback: '楷体',
  latin: 'Times New Roman',
  /** 页码 in 4号半角宋体 Arabic digits */
  pageNumber: '宋体',
} as const

/** 二号 22pt, 三号 16pt, 四号 14pt; the organ's mark is set larger, as offices do (about 一号+). */
export const SIZES_PT = { mark: 30, title: 22, body: 16, pageNumber: 14 } as const

/** Margins in millimetres: 天头 37, 地脚 35, 订口 28, 翻口 26. */
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const

/** The type area (版心) is 156 mm wide: 28 characters of 3号, 20 of the 2号 title. */
export const TYPE_AREA_MM = 156
/**
 * Half-width units on one title line (a CJK character is two). 20 characters of 2号 fill the 版心 exactly, and
 * LibreOffice wrapped such a full line (its digits and brackets set wider than half a character), so a title line
 * keeps one character spare.
 */
export const TITLE_UNITS_PER_LINE = 38
/** 版记 lines: the first and last 0.35 mm, those between 0.25 mm. */
export const RECORD_RULE_MM = { outer: 0.35, inner: 0.25 } as const
/** 3号 body text is 16 pt; one character of indent. */
export const CHAR_PT = 16

/** 22 lines a page: about 28.95pt between lines. */
export const LINE_PT = 28.95

export const RED = 'E60012'

export const mmToTwip = (mm: number) => Math.round((mm / 25.4) * 1440)
export const ptToTwip = (pt: number) => Math.round(pt * 20)
