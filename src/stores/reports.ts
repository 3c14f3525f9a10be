import { defineStore } from 'pinia'
import { ref } from 'vue'
import { downloadFile, uploadFile } from '@/api/files'
import { invoke } from '@/api/client'
import type { Input, Output } from '../../electron/contract'
import type { TaskIndicator } from '../../electron/contract/types'

export type ReportView = Output<'reports.listForTask'>[number]
export type ReportDetail = Output<'reports.get'>
export type ReportVersion = ReportDetail['versions'][number]
export type ReportInput = Input<'reports.submit'>
export type Attachment = Output<'files.upload'>
export type TaskMilestone = Output<'tasks.get'>['milestones'][number]
export type { DownloadedFile as FileData } from '@/api/files'

export const useReportsStore = defineStore('reports', () => {
  /** the period the core counts as current (its clock, not the computer's) and its due day */
  const period = ref<{ period: string; dueOn: string } | null>(null)
  const pending = ref<ReportView[]>([])
  /** 已审核: the latest decisions first */
  const reviewed = ref<ReportView[]>([])
  const mine = ref<ReportView[]>([])
  const byTask = ref<Record<number, ReportView[]>>({})
  const detail = ref<ReportDetail | null>(null)
  const loading = ref(false)
  const saving = ref(false)

  async function loadPeriod(): Promise<{ period: string; dueOn: string }> {
    if (period.value) return period.value
    const r = await invoke('reminders.notReported', {})
    period.value = { period: r.period, dueOn: r.dueOn }
    return period.value
  }

  /** the quantitative targets a report gives actual values for */
  const indicatorsByTask = ref<Record<number, TaskIndicator[]>>({})
  /** the task's milestones, with the evidence expected at each (the form shows the one the period answers to) */
  const milestonesByTask = ref<Record<number, TaskMilestone[]>>({})
  async function loadTaskIndicators(taskId: number): Promise<TaskIndicator[]> {
    const task = await invoke('tasks.get', { taskId })
    indicatorsByTask.value = { ...indicatorsByTask.value, [taskId]: task.indicators }
    milestonesByTask.value = { ...milestonesByTask.value, [taskId]: task.milestones }
    return task.indicators
  }

  async function loadForTask(taskId: number): Promise<ReportView[]> {
    const list = await invoke('reports.listForTask', { taskId })
    byTask.value = { ...byTask.value, [taskId]: list }
    return list
  }

  async function loadPending(planId?: number): Promise<void> {
    loading.value = true
    try {
      pending.value = await invoke('reports.pending', planId === undefined ? {} : { planId })
    } finally {
      loading.value = false
    }
  }

  /** the office's 待审核 count in the menu: pushed by the server, read in full on start and after a reconnect */
  const awaitingReview = ref<number | null>(null)
  async function refreshAwaitingReview(): Promise<void> {
    awaitingReview.value = (await invoke('reports.pending', {})).length
  }

  /**
   * My unit's reports. The contract has no "reports of my unit" call yet, so we ask for the
   * unit's tasks and then each task's reports.
   */
  async function loadMine(planId: number, unitId: number): Promise<void> {
    loading.value = true
    try {
      const tasks = await invoke('tasks.list', { planId, unitId })
      const lists = await Promise.all(tasks.map((t) => loadForTask(t.id)))
      mine.value = lists
        .flat()
        .filter((r) => r.unitId === unitId)
        .sort((a, b) => (a.period === b.period ? a.taskOrder - b.taskOrder : a.period < b.period ? 1 : -1))
    } finally {
      loading.value = false
    }
  }

  async function open(reportId: number): Promise<ReportDetail> {
    detail.value = await invoke('reports.get', { reportId })
    return detail.value
  }

  async function save(input: ReportInput, submit: boolean): Promise<ReportView> {
    saving.value = true
    try {
      const saved = await invoke(submit ? 'reports.submit' : 'reports.saveDraft', input)
      await loadForTask(input.taskId)
      return saved
    } finally {
      saving.value = false
    }
  }

  async function loadReviewed(planId?: number): Promise<void> {
    loading.value = true
    try {
      reviewed.value = await invoke('reports.reviewed', planId === undefined ? {} : { planId })
    } finally {
      loading.value = false
    }
  }

  async function review(reportId: number, decision: 'approve' | 'return', reason?: string, opinion?: string): Promise<ReportView> {
    saving.value = true
    try {
      const done = await invoke('reports.review', {
        reportId,
        decision,
        ...(reason === undefined ? {} : { reason }),
        ...(opinion ? { opinion } : {}),
      })
      pending.value = pending.value.filter((r) => r.id !== reportId)
      return done
    } finally {
      saving.value = false
    }
  }

  /** 撤回: a submitted report goes back to draft, based on the revision shown */
  async function withdraw(report: Pick<ReportView, 'id' | 'revision' | 'taskId'>): Promise<ReportView> {
    saving.value = true
    try {
      const back = await invoke('reports.withdraw', { reportId: report.id, revision: report.revision })
      await loadForTask(report.taskId)
      return back
    } finally {
      saving.value = false
    }
  }

  /** streamed over HTTP, base64 over the desktop window's IPC: the api decides */
  const upload = (file: File) => uploadFile(file)
  const readFile = (attachmentId: number) => downloadFile(attachmentId)
  /** the desktop window hands the file to the program the system opens it with */
  const openWithSystem = (attachmentId: number) => invoke('files.openWithSystem', { attachmentId })
  const canOpenWithSystem = typeof window !== 'undefined' && Boolean(window.duban)

  function reset(): void {
    period.value = null
    pending.value = []
    reviewed.value = []
    mine.value = []
    byTask.value = {}
    detail.value = null
  }

  return {
    awaitingReview,
    refreshAwaitingReview,
    period,
    pending,
    reviewed,
    loadReviewed,
    withdraw,
    mine,
    byTask,
    indicatorsByTask,
    loadTaskIndicators,
    milestonesByTask,
    detail,
    loading,
    saving,
    loadPeriod,
    loadForTask,
    loadPending,
    loadMine,
    open,
    save,
    review,
    upload,
    readFile,
    openWithSystem,
    canOpenWithSystem,
    reset,
  }
})
