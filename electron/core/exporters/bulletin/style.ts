/** GB/T 9704 figures shared by the Word and the HTML renditions. */
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
} as const

/** 二号 22pt, 三号 16pt, 四号 14pt; the organ's mark is set larger, as offices do (about 一号+). */
export const SIZES_PT = { mark: 30, title: 22, body: 16, pageNumber: 14 } as const

/** Margins in millimetres: 天头 37, 地脚 35, 订口 28, 翻口 26. */
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const

/** 22 lines a page: about 28.95pt between lines. */
export const LINE_PT = 28.95

export const RED = 'E60012'

export const mmToTwip = (mm: number) => Math.round((mm / 25.4) * 1440)
export const ptToTwip = (pt: number) => Math.round(pt * 20)
