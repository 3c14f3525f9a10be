import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ReportForm from '@/views/reports/ReportForm.vue'
import { ApiError, invoke } from '@/api/client'
import { useSessionStore } from '@/stores/session'
import type { ReportView } from '@/stores/reports'
import { plugins } from './setup'
import { currentPeriod, reportView, scjgUser } from './report.fixture'
import { mockApi } from './mockApi'
import type { Input } from '../../electron/contract'
import { taskDetail } from './rows.fixture'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)
// Over HTTP a thumbnail is fetched as bytes from GET /files/<id>; here the picture comes from memory.
vi.mock('@/api/files', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/files')>()),
  downloadFile: vi.fn(async (id: number) => ({
    id,
    fileName: '照片.png',
    mime: 'image/png',
    size: 8,
    blob: new Blob([new Uint8Array(8)], { type: 'image/png' }),
  })),
}))

const boxes = { indicatorId: 31, name: '可循环快递箱（盒）使用量', unit: '万个', comparator: '=', targetValue: 10, latestValue: null }

/** What the core keeps of a saved report: the sent text and figures (indicator values come back named, from the core). */
const sentFields = (input: Input<'reports.saveDraft'>) => ({
  taskId: input.taskId,
  percent: input.percent,
  progress: input.progress,
  problems: input.problems ?? '',
  nextSteps: input.nextSteps ?? '',
  isFinal: input.isFinal ?? false,
  ...(input.period ? { period: input.period } : {}),
})

function answer(existing: ReportView[] = [], indicators = [boxes]) {
  mockApi({
    'reminders.notReported': currentPeriod,
    'tasks.get': taskDetail({ id: 7, indicators }),
    'reports.listForTask': existing,
    'reports.saveDraft': (input) => reportView({ ...sentFields(input), status: 'draft' }),
    'reports.submit': (input) => reportView({ ...sentFields(input), status: 'submitted' }),
  })
}

async function mountForm(props: { taskId: number; initialPercent?: number } = { taskId: 7, initialPercent: 40 }) {
  const global = { plugins: plugins() }
  useSessionStore().user = scjgUser
  const wrapper = mount(ReportForm, { global, props, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const sentWith = (method: string) => api.mock.calls.find(([m]) => m === method)?.[1]

describe('ReportForm', () => {
  beforeEach(() => {
    api.mockReset()
  })

  it('saves a draft for the period the core counts as current, with every field', async () => {
    answer()
    const wrapper = await mountForm()
    await wrapper.find('textarea[data-test=report-progress]').setValue('  已召开专题部署会  ')
    await wrapper.find('textarea[data-test=report-problems]').setValue('个别乡镇进展偏慢')
    await wrapper.find('textarea[data-test=report-next]').setValue('八月底前完成验收')
    const indicator = wrapper.find('[data-test=report-indicator]')
    expect(indicator.text()).toContain('可循环快递箱（盒）使用量')
    await indicator.find('input').setValue('6.5')
    await wrapper.find('[data-test=report-save]').trigger('click')
    await flushPromises()
    expect(sentWith('reports.saveDraft')).toEqual({
      taskId: 7,
      period: '2021-07',
      percent: 40,
      progress: '已召开专题部署会',
      problems: '个别乡镇进展偏慢',
      nextSteps: '八月底前完成验收',
      isFinal: false,
      attachmentIds: [],
      indicatorValues: [{ indicatorId: 31, value: 6.5 }],
      revision: null, // a new report: nothing to be based on
    })
    expect(wrapper.emitted('saved')?.[0]?.[1]).toBe(false)
    wrapper.unmount()
  })

  it('shows the evidence expected at the milestone the period reports on', async () => {
    answer()
    mockApi({
      'reminders.notReported': currentPeriod,
      'reports.listForTask': [],
      'tasks.get': taskDetail({
        id: 7,
        indicators: [],
        milestones: [
          { dueOn: '2021-06-30', plannedPct: 50, title: '上半年', expectedEvidence: '部署文件' },
          { dueOn: '2021-09-30', plannedPct: 75, title: '三季度', expectedEvidence: '专题会议纪要、现场照片' },
        ],
      }),
    })
    const wrapper = await mountForm()
    expect(wrapper.find('[data-test=report-expected-evidence]').text()).toBe('本期节点（2021年9月30日）应提供：专题会议纪要、现场照片')
    wrapper.unmount()
  })

  it('sends 本期无新进展 with its reason instead of progress text', async () => {
    answer()
    const wrapper = await mountForm()
    await wrapper.find('[data-test=report-no-change]').trigger('click')
    await wrapper.find('input[data-test=report-no-change-reason]').setValue('等待省局批复，本期无新进展')
    await wrapper.find('[data-test=report-save]').trigger('click')
    await flushPromises()
    expect(sentWith('reports.saveDraft')).toMatchObject({ progress: '', noChange: true, noChangeReason: '等待省局批复，本期无新进展' })
    wrapper.unmount()
  })

  it('submits a 销号 request with the evidence already attached', async () => {
    answer([
      reportView({
        status: 'draft',
        percent: 100,
        attachments: [{ id: 9, reportId: 41, fileName: '照片.png', mime: 'image/png', size: 70, createdAt: '' }],
      }),
    ])
    const wrapper = await mountForm()
    await wrapper.find('[data-test=report-final] input').setValue(true)
    await wrapper.find('[data-test=report-submit]').trigger('click')
    await flushPromises()
    expect(sentWith('reports.submit')).toMatchObject({
      taskId: 7,
      period: '2021-07',
      percent: 100,
      progress: '已完成春季检查',
      isFinal: true,
      attachmentIds: [9],
      revision: 3, // the draft it was filled from
    })
    expect(wrapper.findAll('[data-test=evidence-item]')).toHaveLength(1)
    expect(wrapper.emitted('saved')?.[0]?.[1]).toBe(true)
    wrapper.unmount()
  })

  it('shows the office’s reason on a returned report and sends the revision', async () => {
    answer([reportView({ status: 'returned', returnReason: '请补充快递进村的现场照片', reviewedBy: '周敏（督查专员）' })])
    const wrapper = await mountForm()
    expect(wrapper.find('[data-test=return-reason]').text()).toContain('请补充快递进村的现场照片')
    await wrapper.find('textarea[data-test=report-progress]').setValue('已补充照片')
    await wrapper.find('[data-test=report-submit]').trigger('click')
    await flushPromises()
    expect(sentWith('reports.submit')).toMatchObject({ progress: '已补充照片', percent: 60 })
    wrapper.unmount()
  })

  it('refuses to submit without 进展情况, and asks the core nothing', async () => {
    answer()
    const wrapper = await mountForm()
    await wrapper.find('[data-test=report-submit]').trigger('click')
    await flushPromises()
    expect(sentWith('reports.submit')).toBeUndefined()
    const invalid = wrapper.findAll('.el-form-item.is-error')
    expect(invalid).toHaveLength(1)
    expect(invalid[0].find('textarea[data-test=report-progress]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('locks a submitted report and shows the core’s message when it refuses', async () => {
    answer([reportView({ status: 'submitted' })])
    const locked = await mountForm()
    expect(locked.find('[data-test=report-locked]').text()).toContain('等待办公室审核')
    expect(locked.find('[data-test=report-submit]').attributes('disabled')).toBeDefined()
    locked.unmount()

    answer()
    const wrapper = await mountForm()
    mockApi({
      'reports.submit': () => {
        throw new ApiError('forbidden', '该任务不属于您所在的处室，不能报送')
      },
    })
    await wrapper.find('textarea[data-test=report-progress]').setValue('进展')
    await wrapper.find('[data-test=report-submit]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test=report-error]').text()).toContain('该任务不属于您所在的处室，不能报送')
    wrapper.unmount()
  })

  it('when someone else saved the draft first, says who and offers to reload it; nothing is overwritten', async () => {
    answer([reportView({ status: 'draft', revision: 2, progress: '我打开时的稿子' })])
    const wrapper = await mountForm()
    const stale = '该进展报送已于2021年7月20日 14:32 被 李娜（市场监管处）修改了进展草稿，请刷新后再改'
    let listed = 0
    api.mockImplementation(async (method) => {
      if (method === 'reports.saveDraft') throw new ApiError('stale', stale)
      if (method === 'reports.listForTask') return (listed++, [reportView({ status: 'draft', revision: 3, progress: '李娜改过的稿子' })])
      throw new Error('unexpected ' + method)
    })
    await wrapper.find('textarea[data-test=report-progress]').setValue('我的修改')
    await wrapper.find('[data-test=report-save]').trigger('click')
    await flushPromises()
    expect(sentWith('reports.saveDraft')).toMatchObject({ revision: 2, progress: '我的修改' })
    const box = document.querySelector('.duban-conflict')!
    expect(box.textContent).toContain(stale)
    const reload = [...box.querySelectorAll('button')].find((b) => b.textContent?.includes('重新加载'))!
    reload.click()
    await flushPromises()
    await vi.waitFor(() => expect(listed).toBe(1))
    await flushPromises()
    expect((wrapper.find('textarea[data-test=report-progress]').element as HTMLTextAreaElement).value).toBe('李娜改过的稿子')
    expect(wrapper.find('[data-test=report-error]').exists()).toBe(false)
    wrapper.unmount()
  })
})
