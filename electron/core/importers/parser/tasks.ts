import type { SectionDraft, TaskDraft } from '../types'
import { findDeadline } from './deadline'
import type { Block, RawList } from './lists'
import { MARKER_DEPTH, type MarkerKind } from './numbering'
import { extractResponsibility } from './responsibility'
import { readResponsibility } from './responsibility-reader'
import { findTargets, withoutRestatedGoals } from './targets'
import { toSimplified } from './script'
import { withGrowthTargets } from './growth-targets'
import { withCountRules } from './count-targets'
import { doubtsAbout } from './doubts'
import type { ResponsibilityRule } from './responsibility'

/** Headings whose items describe the plan rather than assign work. */
const NOT_TASKS =
  /^[“"]?(总体要求|指导思想|基本原则|工作原则|工作目标|发展目标|主要目标|目标要求|工作要求|发展基础|发展形势|发展环境|面临形势|存在问题|形势分析|重要意义)|回顾$|[“"]?十[一二三四]五[”"]?回顾/

const TASK_PREFERENCE: MarkerKind[] = ['arabic', 'cnParen', 'arabicParen', 'circled', 'cn']

interface Building {
  task: TaskDraft
  raw: string
  closed: boolean
  kind: MarkerKind
}

const MARKER_EXAMPLE: Record<MarkerKind, string> = { cn: '一、', cnParen: '（一）', arabic: '1.', arabicParen: '（1）', circled: '①' }
const LEAD_REASON: Record<ResponsibilityRule, string> = {
  label: '“牵头单位/责任单位：”标注',
  bracket: '条目末尾括号内的“牵头”“负责”“配合”等',
  sentence: '条目末句的“某某牵头”“某某负责”',
}

/**
 * The targets' rules, told apart by which reader produced each one. They read the simplified copy
 * (增加學位2900個 has the unit 个 and the verb 增加), as the responsibility rules do.
 */
function targetReasons(original: string): { targets: TaskDraft['targets']; reasons: string[] } {
  const text = toSimplified(original)
  const general = findTargets(text)
  const growth = withGrowthTargets(text, general)
  const targets = withoutRestatedGoals(withCountRules(text, growth))
  const reasons = targets.map((t) =>
    general.includes(t) ? '目标动词或“以上/以内”后的数值' : growth.includes(t) ? '“增长X%”的增速目标' : '列举后“等N个”的数量',
  )
  return { targets, reasons }
}

/** Which marker numbers the tasks of a list, and which the sections above them. */
export function chooseLevels(blocks: Block[]): { task: MarkerKind | null; section: MarkerKind | null } {
  const present = new Set(blocks.map((b) => b.kind))
  const task = TASK_PREFERENCE.find((k) => present.has(k)) ?? null
  if (!task) return { task: null, section: null }
  const above = (Object.keys(MARKER_DEPTH) as MarkerKind[])
    .filter((k) => present.has(k) && MARKER_DEPTH[k] < MARKER_DEPTH[task])
    .sort((a, b) => MARKER_DEPTH[b] - MARKER_DEPTH[a])
  return { task, section: above[0] ?? null }
}

const endsWithNote = (raw: string) => /[）)]\s*[。.；;]?$/.test(raw) && extractResponsibility(raw).found

function finish(b: Building, year: number | null): TaskDraft {
  const resp = readResponsibility(b.raw)
  const deadline = findDeadline(b.raw, year)
  // Table rows carry their deadline column as （完成时限：…）; it is kept as deadlineText, not in the task text.
  const text = resp.text.replace(/[（(]完成时限[：:][^（）()]*[）)]/g, '').trim()
  const { targets, reasons } = targetReasons(text)
  return {
    ...b.task,
    text,
    leads: resp.leads,
    coops: resp.coops,
    deadline: deadline?.date ?? null,
    deadlineText: deadline?.text ?? null,
    targets,
    basis: {
      task: `原文第${b.task.line}行以“${MARKER_EXAMPLE[b.kind]}”式编号的条目`,
      leads: resp.rule ? LEAD_REASON[resp.rule] : '未找到牵头单位的标注',
      targets: reasons,
    },
    doubts: doubtsAbout({ text, leads: resp.leads }),
  }
}

/** Pass two: turns the blocks of one list into sections of tasks. */
export function buildSections(list: RawList, year: number | null): SectionDraft[] {
  const { task: taskKind, section: sectionKind } = chooseLevels(list.blocks)
  if (!taskKind) return []
  const taskDepth = MARKER_DEPTH[taskKind]
  const sections: { draft: SectionDraft; building: Building[] }[] = []
  const headings = new Map<number, string>()
  let current: { draft: SectionDraft; building: Building[] } | null = null
  let last: Building | null = null

  const skipped = () => [...headings.values()].some((t) => NOT_TASKS.test(t))

  for (const block of list.blocks) {
    if (block.kind === 'para') {
      if (last && !last.closed && !/[：:]$/.test(block.text)) {
        last.raw += block.text
        last.closed = endsWithNote(last.raw)
      } else last = null
      continue
    }
    const depth = MARKER_DEPTH[block.kind]
    if (depth > taskDepth) {
      if (last) last.raw += block.text
      continue
    }
    if (depth < taskDepth) {
      for (const d of [...headings.keys()]) if (d >= depth) headings.delete(d)
      headings.set(depth, block.text)
      last = null
      if (sectionKind === null || depth <= MARKER_DEPTH[sectionKind]) current = null
      if (block.kind === sectionKind && !skipped()) {
        current = { draft: { number: block.label, title: block.text, tasks: [] }, building: [] }
        sections.push(current)
      }
      continue
    }
    if (skipped()) {
      last = null
      continue
    }
    if (!current) {
      current = { draft: { number: null, title: null, tasks: [] }, building: [] }
      sections.push(current)
    }
    last = {
      task: {
        number: block.value,
        text: '',
        leads: [],
        coops: [],
        deadline: null,
        deadlineText: null,
        targets: [],
        line: block.line,
      },
      raw: block.text,
      closed: endsWithNote(block.text),
      kind: block.kind,
    }
    current.building.push(last)
  }
  return sections
    .map(({ draft, building }) => ({ ...draft, tasks: building.map((b) => finish(b, year)) }))
    .filter((s) => s.tasks.length > 0)
}
