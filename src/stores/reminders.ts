import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { invoke } from '@/api/client'
import { saveExported } from './documents'
import type { Input, Output } from '../../electron/contract'

export type NotReported = Output<'reminders.notReported'>
export type NoticeView = Output<'reminders.list'>[number]
export type NoticeInput = Input<'reminders.issueNotice'>

/** 待答复 / 已答复 / 已升级, from what the core sends with each notice. */
export type NoticeState = 'awaiting' | 'replied' | 'escalated'
export function noticeState(n: Pick<NoticeView, 'repliedAt' | 'escalationLevel'>): NoticeState {
  if (n.repliedAt) return 'replied'
  return n.escalationLevel > 0 ? 'escalated' : 'awaiting'
}

export const useRemindersStore = defineStore('reminders', () => {
  const notReported = ref<NotReported | null>(null)
  const notices = ref<NoticeView[]>([])
  const loading = ref(false)
  /** unit ids a 催办 is on its way to, so the button shows it is busy */
  const sending = ref<number[]>([])

  const noticeList = computed(() => notices.value.filter((n) => n.kind === 'notice'))

  async function load(planId?: number): Promise<void> {
    loading.value = true
    try {
      const [missing, list] = await Promise.all([
        invoke('reminders.notReported', planId === undefined ? {} : { planId }),
        invoke('reminders.list', { kind: 'notice' }),
      ])
      notReported.value = missing
      notices.value = list
    } finally {
      loading.value = false
    }
  }

  async function loadNotices(): Promise<void> {
    notices.value = await invoke('reminders.list', { kind: 'notice' })
  }

  async function remind(unitId: number) {
    sending.value = [...sending.value, unitId]
    try {
      return await invoke('reminders.send', notReported.value ? { unitId, period: notReported.value.period } : { unitId })
    } finally {
      sending.value = sending.value.filter((id) => id !== unitId)
    }
  }

  async function issueNotice(input: NoticeInput): Promise<NoticeView> {
    const notice = await invoke('reminders.issueNotice', input)
    notices.value = [notice, ...notices.value.filter((n) => n.id !== notice.id)]
    return notice
  }

  async function replyNotice(noticeId: number, reply: string): Promise<NoticeView> {
    const notice = await invoke('reminders.replyNotice', { noticeId, reply })
    notices.value = notices.value.map((n) => (n.id === notice.id ? notice : n))
    return notice
  }

  /** A unit's own notices (for answering from the inbox). */
  async function noticeById(noticeId: number): Promise<NoticeView | null> {
    const found = notices.value.find((n) => n.id === noticeId)
    if (found) return found
    notices.value = await invoke('reminders.list', { kind: 'notice' })
    return notices.value.find((n) => n.id === noticeId) ?? null
  }

  async function escalate(): Promise<number> {
    const { escalated } = await invoke('reminders.escalateDue', {})
    await loadNotices()
    return escalated.length
  }

  /** tasks a 督办单 may be issued for: the core accepts only overdue or behind ones */
  async function noticeCandidates(planId: number) {
    const [overdue, behind] = await Promise.all([
      invoke('tasks.list', { planId, status: 'overdue' }),
      invoke('tasks.list', { planId, status: 'behind' }),
    ])
    return [...overdue, ...behind].sort((a, b) => a.listId - b.listId || a.number - b.number)
  }

  const setReportingDay = (day: number) => invoke('settings.setReportingDay', { day })

  /** the 督办通知书 of one notice as a Word file (GB/T 9704), saved by the browser or the window */
  const downloading = ref<number | null>(null)
  async function downloadNotice(noticeId: number): Promise<string> {
    downloading.value = noticeId
    try {
      const file = await invoke('exports.noticeDocx', { noticeId })
      saveExported(file)
      return file.fileName
    } finally {
      downloading.value = null
    }
  }

  return {
    notReported,
    notices,
    noticeList,
    loading,
    sending,
    load,
    loadNotices,
    remind,
    issueNotice,
    replyNotice,
    noticeById,
    escalate,
    noticeCandidates,
    setReportingDay,
    downloading,
    downloadNotice,
  }
})
