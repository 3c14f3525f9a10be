const UNITS = ['办公室', '市场监管处', '普遍服务处', '政策法规处', '快递安全中心', '市快递协会']
const PHRASES = [
  '推进快递进村',
  '深化末端网点备案',
  '加强寄递安全监管',
  '完善绿色包装治理',
  '落实从业人员权益保障',
  '提升普遍服务质量',
  '规范行政执法',
  '健全信用体系',
  '开展专项整治',
  '强化应急管理',
  '优化营商环境',
  '培育龙头企业',
  '建设智能快件箱',
  '畅通农产品上行渠道',
  '加快冷链寄递发展',
  '推动快递进厂',
]
const WHEN = ['3月底前', '6月底前', '年底前', '第三季度', '全年']
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 1…99 in Chinese numerals, as section labels are written. */
const cn = (n: number) => (n <= 10 ? CN[n] : n < 20 ? `十${CN[n % 10]}` : `${CN[Math.floor(n / 10)]}十${CN[n % 10]}`)

function item(k: number, n: number): string {
  const pick = (i: number) => PHRASES[(k * (i + 3) + i * 7) % PHRASES.length]
  return `${n}. ${pick(0)}，${pick(1)}，${pick(2)}，覆盖率达到${80 + (k % 20)}%以上，${WHEN[k % WHEN.length]}完成。（${UNITS[k % UNITS.length]}牵头，${UNITS[(k + 1) % UNITS.length]}配合）`
}

/**
 * A plan shaped like a real one, of any size: chapters 一、 with sub-sections （一） of ten items each,
 * numbering restarting per sub-section. Half the items sit in a second list, some restating the first.
 */
export function generatedPlan(items: number): string {
  const lines = ['XX市邮政管理局关于印发2021年工作要点的通知', 'XX邮管〔2021〕1号', '2021年工作要点']
  const half = Math.ceil(items / 2)
  const writeList = (count: number, offset: number) => {
    for (let k = 0; k < count; k++) {
      if (k % 500 === 0) lines.push(`${cn(Math.floor(k / 500) + 1)}、第${Math.floor(k / 500) + 1}篇`)
      if (k % 10 === 0) lines.push(`（${cn(Math.floor((k % 500) / 10) + 1)}）第${Math.floor(k / 10) + 1}组`)
      lines.push(item(k % 3 === 0 ? k : k + offset, (k % 10) + 1))
    }
  }
  writeList(half, 0)
  lines.push('2021年更贴近民生实事分工安排')
  writeList(items - half, 7)
  return lines.join('\n')
}
