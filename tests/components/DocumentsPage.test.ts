import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import DocumentsPage from '@/views/documents/DocumentsPage.vue'
import { invoke } from '@/api/client'
import { usePlansStore } from '@/stores/plans'
import { useSessionStore } from '@/stores/session'
import { fileToBase64, saveExported, useDocumentsStore } from '@/stores/documents'
import { plugins, testRouter } from './setup'
import { mockApi } from './mockApi'
import { person } from './people.fixture'
import { overview } from '../unit/charts/overview.fixture'
import type { Output } from '../../electron/contract'
import type { Role } from '../../electron/core/db/schema'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

const file: Output<'exports.ledger'> = { fileName: '台账.xlsx', contentBase64: btoa('PK-xlsx') }
const preview: Output<'forms.preview'> = {
  unitId: 2,
  period: '2021-07',
  unchanged: 1,
  changes: [
    {
      row: 5,
      taskId: 7,
      number: 3,
      code: '要点3',
      text: '推动快递进村',
      before: { percent: 40, progress: '', problems: '', nextSteps: '', status: 'approved' },
      after: { percent: 60, progress: '已完成', problems: '', nextSteps: '', indicatorValues: [] },
      fields: ['完成进度'],
    },
  ],
}

const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  office: '办公室',
  leader: '局领导',
  unit_head: '处室负责人',
  unit_staff: '处室工作人员',
}

async function mountAs(role: Role) {
  const router = await testRouter('/plan')
  const global = { plugins: plugins(router) }
  const unit = role.startsWith('unit_') ? { unitId: 2, unitName: '市场监管处' } : { unitId: null, unitName: null }
  useSessionStore().user = person({ id: 1, username: 'x', displayName: 'x', role, roleLabel: ROLE_LABELS[role], ...unit })
  usePlansStore().currentPlanId = 1
  const wrapper = mount(DocumentsPage, { global, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('DocumentsPage', () => {
  beforeEach(() => {
    api.mockReset()
    mockApi({
      'dashboards.overview': overview,
      'exports.bulletinHtml': { title: '督查通报', html: '<html><body>通报</body></html>' },
      'forms.preview': preview,
      'forms.confirm': { submitted: [11] },
      'exports.ledger': file,
      'exports.bulletin': file,
      'forms.export': file,
    })
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
  })

  it('gives the office the ledger as of today and saves the file it gets back', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const wrapper = await mountAs('office')
    await wrapper.find('[data-test=ledger-download]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('exports.ledger', { planId: 1, asOf: '2021-07-20' })
    expect(click).toHaveBeenCalled()
    click.mockRestore()
    wrapper.unmount()
  })

  it('previews the bulletin of the month in a frame', async () => {
    const wrapper = await mountAs('leader')
    expect(wrapper.find('[data-test=doc-forms]').exists()).toBe(false)
    await wrapper.find('[data-test=bulletin-preview]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('exports.bulletinHtml', { planId: 1, period: '2021-07' })
    expect(document.querySelector('[data-test=bulletin-frame]')?.getAttribute('src')).toBe('blob:x')
    wrapper.unmount()
  })

  it('lets a unit upload a filled form, shows the changes and files them on confirm', async () => {
    const wrapper = await mountAs('unit_staff')
    expect(wrapper.find('[data-test=doc-ledger]').exists()).toBe(false)
    const docs = useDocumentsStore()
    await docs.previewForm('AAAA')
    await flushPromises()
    expect(wrapper.find('[data-test=form-preview]').text()).toContain('要点3 推动快递进村')
    expect(wrapper.find('[data-test=form-preview]').text()).not.toMatch(/(^|[^点\d])3\. /)
    await wrapper.find('[data-test=form-confirm]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('forms.confirm', { fileBase64: 'AAAA' })
    expect(wrapper.find('[data-test=form-done]').text()).toContain('已报送 1 项')
    wrapper.unmount()
  })
})

describe('file helpers', () => {
  it('turns a picked file into base64 and back into a download', async () => {
    expect(await fileToBase64(new Blob(['PK-xlsx']))).toBe(btoa('PK-xlsx'))
    URL.createObjectURL = vi.fn(() => 'blob:y')
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('台账.xlsx')
    })
    saveExported(file)
    expect(click).toHaveBeenCalledOnce()
    click.mockRestore()
  })
})

describe('DocumentsPage in the desktop window', () => {
  it('offers the bulletin as a PDF printed by the window, and not in a browser', async () => {
    api.mockReset()
    mockApi({ 'dashboards.overview': overview, 'exports.bulletinPdf': { fileName: '督查通报.pdf', contentBase64: btoa('%PDF') } })
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    const browser = await mountAs('office')
    expect(browser.find('[data-test=bulletin-pdf]').exists()).toBe(false)
    browser.unmount()

    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    ;(window as unknown as { duban: unknown }).duban = { invoke: vi.fn() }
    try {
      const desktop = await mountAs('office')
      await desktop.find('[data-test=bulletin-pdf]').trigger('click')
      await flushPromises()
      expect(api).toHaveBeenCalledWith('exports.bulletinPdf', expect.objectContaining({ period: expect.stringMatching(/^\d{4}-\d{2}$/) }))
      expect(click).toHaveBeenCalled()
      desktop.unmount()
    } finally {
      delete (window as unknown as { duban?: unknown }).duban
      click.mockRestore()
    }
  })
})
