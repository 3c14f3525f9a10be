import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ApiError, invoke } from '@/api/client'
import { saveExported } from './documents'
import type { Input, Output } from '../../electron/contract'

export type NotReported = Output<'reminders.notReported'>
export type NoticeView = Output<'reminders.list'>[number]
export type NoticeInput = Input<'reminders.issueNotice'>

export type ReminderDraft = Output<'reminders.draft'>
export type UrgeView = Output<'reminders.urges'>[number]
export type ReminderSettings = Output<'settings.reminder'>

/** The tag colour of a notice's state (the state and its label come from the core). */
export const NOTICE_TAG: Record<NoticeView['status'], 'primary' | 'success' | 'warning' | 'danger' | 'info'> = {
  issued: 'warning',
  read: 'warning',
  replied: 'primary',
  returned: 'danger',
  closed: 'success',
}
/** A unit may answer while the notice waits on it. */
export const awaitsUnit = (n: Pick<NoticeView, 'status'>) => n.status === 'issued' || n.status === 'read' || n.status === 'returned'

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
      const [missing, list, record] = await Promise.all([
        invoke('reminders.notReported', planId === undefined ? {} : { planId }),
        invoke('reminders.list', { kind: 'notice' }),
        invoke('reminders.urges', {}),
      ])
      notReported.value = missing
      notices.value = list
      urges.value = record
    } finally {
      loading.value = false
    }
  }

  async function loadNotices(): Promise<void> {
    notices.value = await invoke('reminders.list', { kind: 'notice' })
  }

  /** what the 催办 dialog opens with */
  const draft = (unitId: number, planId?: number) =>
    invoke('reminders.draft', {
      unitId,
      ...(notReported.value ? { period: notReported.value.period } : {}),
      ...(planId === undefined ? {} : { planId }),
    })

  /** 催办 with the text the office confirmed; `override` after the warning about a recent one */
  async function remind(d: ReminderDraft, message: string, override: boolean, planId?: number) {
    sending.value = [...sending.value, d.unitId]
    try {
      const sent = await invoke('reminders.send', {
        unitId: d.unitId,
        period: d.period,
        message,
        taskIds: d.tasks.map((t) => t.id),
        ...(override ? { override } : {}),
        ...(planId === undefined ? {} : { planId }),
      })
      await loadUrges()
      return sent
    } finally {
      sending.value = sending.value.filter((id) => id !== d.unitId)
    }
  }

  /** the record of 催办, newest first */
  const urges = ref<UrgeView[]>([])
  async function loadUrges(): Promise<void> {
    urges.value = await invoke('reminders.urges', {})
  }
  const urgesFor = (query: { taskId?: number; ids?: number[] }) => invoke('reminders.urges', query)

  const readNotice = (noticeId: number) => invoke('reminders.readNotice', { noticeId }).then(replaceNotice)
  const decideNotice = (n: NoticeView, accept: boolean, reason?: string) =>
    invoke('reminders.decideNotice', { noticeId: n.id, revision: n.revision, accept, ...(reason ? { reason } : {}) }).then(replaceNotice)
  function replaceNotice(notice: NoticeView): NoticeView {
    notices.value = notices.value.some((n) => n.id === notice.id)
      ? notices.value.map((n) => (n.id === notice.id ? notice : n))
      : [notice, ...notices.value]
    return notice
  }

  async function issueNotice(input: NoticeInput): Promise<NoticeView> {
    const notice = await invoke('reminders.issueNotice', input)
    notices.value = [notice, ...notices.value.filter((n) => n.id !== notice.id)]
    return notice
  }

  async function replyNotice(n: NoticeView, reply: string, attachmentIds: number[] = []): Promise<NoticeView> {
    return replaceNotice(
      await invoke('reminders.replyNotice', {
        noticeId: n.id,
        reply,
        revision: n.revision,
        ...(attachmentIds.length ? { attachmentIds } : {}),
      }),
    )
  }

  /** One notice as it stands now (the inbox opens it fresh: its state may have moved since the list was read). */
  async function noticeById(noticeId: number): Promise<NoticeView | null> {
    const [found] = await invoke('reminders.list', { ids: [noticeId] })
    return found ? replaceNotice(found) : null
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

  /**
   * The 督办通知书 as PDF: the desktop window prints it itself; a browser gets the print-ready page to preview
   * and print (另存为PDF). Returns the file name saved, or the page to preview.
   */
  const preview = ref<{ title: string; html: string } | null>(null)
  async function noticePdf(noticeId: number): Promise<string | null> {
    downloading.value = noticeId
    try {
      const file = await invoke('exports.noticePdf', { noticeId })
      saveExported(file)
      return file.fileName
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'desktop_only') throw err
      preview.value = await invoke('exports.noticeHtml', { noticeId })
      return null
    } finally {
      downloading.value = null
    }
  }

  /** 督办台账 of the year */
  async function noticeLedger(): Promise<string> {
    const file = await invoke('exports.noticeLedger', {})
    saveExported(file)
    return file.fileName
  }

  const reminderSettings = () => invoke('settings.reminder', {})
  const saveReminderSettings = (input: { template: string; windowHours: number }) => invoke('settings.setReminder', input)

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
    draft,
    urges,
    loadUrges,
    urgesFor,
    readNotice,
    decideNotice,
    preview,
    noticePdf,
    noticeLedger,
    reminderSettings,
    saveReminderSettings,
  }
})
