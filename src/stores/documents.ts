import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'
import type { Output } from '../../electron/contract'

export type ExportedFile = Output<'exports.ledger'>
export type FormPreview = Output<'forms.preview'>

/** base64 → Blob → a link click: saves the file in Electron's window and in a browser alike. */
export function saveExported(file: ExportedFile, doc: Document = document): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes]))
  const a = doc.createElement('a')
  a.href = url
  a.download = file.fileName
  doc.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A File picked by the person → the base64 the form calls take. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** 文书输出: the ledger, the bulletin and the Excel report forms, each one call away. */
export const useDocumentsStore = defineStore('documents', () => {
  const busy = ref<string | null>(null)
  const bulletin = ref<{ title: string; html: string } | null>(null)
  const preview = ref<FormPreview | null>(null)
  const filled = ref<string | null>(null)
  const submitted = ref<number[] | null>(null)
  /** the core's today (the demo runs on 2021-07-20): the default as-of day and period */
  const today = ref<string | null>(null)

  async function learnToday(planId: number): Promise<void> {
    if (today.value) return
    today.value = (await invoke('dashboards.overview', { planId })).asOf.slice(0, 10)
  }

  async function run<T>(what: string, call: () => Promise<T>): Promise<T> {
    busy.value = what
    try {
      return await call()
    } finally {
      busy.value = null
    }
  }

  const ledger = (planId: number | null, asOf: string) =>
    run('ledger', () => invoke('exports.ledger', { ...(planId === null ? {} : { planId }), asOf }))
  const bulletinDocx = (planId: number | null, period: string) =>
    run('bulletin', () => invoke('exports.bulletin', { ...(planId === null ? {} : { planId }), period }))
  /** the desktop window prints the bulletin to PDF itself (printToPDF); a browser uses print preview */
  const canSavePdf = typeof window !== 'undefined' && Boolean(window.duban)
  const bulletinPdf = (planId: number | null, period: string) =>
    run('bulletinPdf', () => invoke('exports.bulletinPdf', { ...(planId === null ? {} : { planId }), period }))
  async function bulletinHtml(planId: number | null, period: string): Promise<void> {
    bulletin.value = await run('bulletinHtml', () => invoke('exports.bulletinHtml', { ...(planId === null ? {} : { planId }), period }))
  }
  const form = (planId: number | null, period: string, unitId?: number) =>
    run('form', () =>
      invoke('forms.export', { ...(planId === null ? {} : { planId }), period, ...(unitId === undefined ? {} : { unitId }) }),
    )

  async function previewForm(fileBase64: string): Promise<void> {
    submitted.value = null
    preview.value = null
    filled.value = null
    preview.value = await run('preview', () => invoke('forms.preview', { fileBase64 }))
    filled.value = fileBase64
  }

  async function confirmForm(): Promise<void> {
    if (!filled.value) return
    const fileBase64 = filled.value
    const result = await run('confirm', () => invoke('forms.confirm', { fileBase64 }))
    submitted.value = result.submitted
    preview.value = null
    filled.value = null
  }

  function clearForm(): void {
    preview.value = null
    filled.value = null
    submitted.value = null
  }

  return {
    today,
    learnToday,
    busy,
    bulletin,
    preview,
    filled,
    submitted,
    ledger,
    bulletinDocx,
    bulletinPdf,
    canSavePdf,
    bulletinHtml,
    form,
    previewForm,
    confirmForm,
    clearForm,
  }
})
