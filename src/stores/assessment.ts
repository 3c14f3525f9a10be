import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'
import { saveExported } from './documents'
import type { Input, Output } from '../../electron/contract'

export type EscalationRules = Output<'escalation.rules'>
export type DryRun = Output<'escalation.dryRun'>
export type AssessmentView = Output<'assessment.preview'>
export type UnitScore = AssessmentView['units'][number]
export type ScoreItem = UnitScore['items'][number]
export type MonthOnMonth = Output<'assessment.monthly'>
export type FiringView = Output<'escalation.firings'>[number]

export const useEscalationStore = defineStore('escalation', () => {
  const rules = ref<EscalationRules | null>(null)
  const dry = ref<DryRun | null>(null)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      rules.value = await invoke('escalation.rules', {})
    } finally {
      loading.value = false
    }
  }
  async function save(next: Input<'escalation.setRules'>): Promise<void> {
    rules.value = await invoke('escalation.setRules', next)
  }
  async function dryRun(day?: string): Promise<void> {
    dry.value = await invoke('escalation.dryRun', day ? { day } : {})
  }
  async function runNow(): Promise<number> {
    const r = await invoke('escalation.run', {})
    await dryRun()
    return r.fired.length
  }
  /** what the rules did on one task, and why */
  const firings = ref<FiringView[]>([])
  async function loadFirings(taskId: number): Promise<void> {
    firings.value = await invoke('escalation.firings', { taskId })
  }
  return { rules, dry, loading, load, save, dryRun, runNow, firings, loadFirings }
})

export const useAssessmentStore = defineStore('assessment', () => {
  const view = ref<AssessmentView | null>(null)
  const loading = ref(false)

  async function load(year: number, asOf?: string): Promise<void> {
    loading.value = true
    try {
      view.value = await invoke('assessment.preview', asOf ? { year, asOf } : { year })
    } finally {
      loading.value = false
    }
  }
  async function announce(year: number, asOf?: string) {
    view.value = await invoke('assessment.announce', asOf ? { year, asOf } : { year })
  }
  async function publish(year: number) {
    view.value = await invoke('assessment.publish', { year })
  }
  async function appeal(year: number, itemKey: string, reason: string) {
    await invoke('assessment.appeal', { year, itemKey, reason })
    await load(year)
  }
  async function decide(year: number, appealId: number, decision: 'upheld' | 'rejected', reason: string) {
    await invoke('assessment.decideAppeal', { appealId, decision, reason })
    await load(year)
  }
  async function rate(year: number, unitId: number, score: number) {
    await invoke('assessment.rate', { year, unitId, score })
    await load(year)
  }
  async function exportFile(year: number, kind: 'xlsx' | 'docx') {
    saveExported(await invoke(kind === 'xlsx' ? 'assessment.exportXlsx' : 'assessment.exportDocx', { year }))
  }
  const monthly = ref<MonthOnMonth | null>(null)
  async function loadMonthly(period: string): Promise<void> {
    monthly.value = await invoke('assessment.monthly', { period })
  }
  return { view, loading, load, announce, publish, appeal, decide, rate, exportFile, monthly, loadMonthly }
})
