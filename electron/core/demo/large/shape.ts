/** The shape of the large generated database: bureaus, their units, plans and task wording. Pure. */
export const CITIES = [
  ['苏州', '苏州'],
  ['南京', '宁'],
  ['无锡', '锡'],
  ['常州', '常'],
  ['南通', '通'],
  ['扬州', '扬'],
  ['镇江', '镇'],
  ['泰州', '泰'],
  ['盐城', '盐'],
  ['淮安', '淮'],
  ['连云港', '连'],
  ['宿迁', '宿'],
  ['徐州', '徐'],
  ['信阳', '信'],
  ['莆田', '莆'],
] as const

export const UNIT_SUFFIXES = [
  { name: '办公室', kind: 'division' },
  { name: '市场监管科', kind: 'division' },
  { name: '普遍服务科', kind: 'division' },
  { name: '政策法规科', kind: 'division' },
  { name: '邮政业安全中心', kind: 'center' },
  { name: '快递协会', kind: 'association' },
] as const

export const SECTIONS = [
  '强化行业监管',
  '提升普遍服务',
  '推进快递进村',
  '加强安全管理',
  '推动绿色发展',
  '优化营商环境',
  '保障从业人员权益',
  '加强自身建设',
]

const VERBS = ['推进', '深化', '加强', '完善', '落实', '开展', '健全', '提升']
const OBJECTS = [
  '寄递渠道安全专项整治',
  '快递末端网点备案管理',
  '农村寄递物流体系建设',
  '快递包装绿色治理',
  '智能快件箱布局',
  '行政执法规范化建设',
  '行业信用体系建设',
  '邮政普遍服务监督检查',
  '快递员权益保障',
  '冷链寄递服务发展',
  '快递进厂进社区',
  '应急管理能力建设',
]

export const PROGRESS_TEXTS = [
  '已制定工作方案，明确责任分工和时间节点。',
  '按计划推进，已完成阶段性任务，相关材料已归档。',
  '会同相关部门开展联合检查，督促企业落实整改。',
  '召开专题推进会，协调解决重点难点问题。',
  '完成年度目标任务，形成长效工作机制。',
]

export const taskText = (k: number) =>
  `${VERBS[k % VERBS.length]}${OBJECTS[(k * 7 + 3) % OBJECTS.length]}，确保第${(k % 4) + 1}季度取得阶段性成效。`

/** Small seeded generator: the same options always build the same database. */
export function seeded(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pad = (n: number) => String(n).padStart(2, '0')

/** A day in a month as a UTC instant at 09:00 in the bureau's zone (UTC+8). */
export const at = (year: number, month: number, day: number, hour = 9) => new Date(Date.UTC(year, month - 1, day, hour - 8)).toISOString()
