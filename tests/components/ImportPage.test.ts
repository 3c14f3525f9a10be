import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ImportPage from '@/views/import/ImportPage.vue'
import { invoke } from '@/api/client'
import type { ImportPreview } from '@/stores/imports'
import { plugins, testRouter } from './setup'
import { suzhouPreview, suzhouText, units } from './import.fixture'
import { mockApi } from './mockApi'
import { SUZHOU_LIST_COUNT, SUZHOU_TASK_COUNT } from '../support/expected'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

function answer(preview: ImportPreview) {
  mockApi({
    'imports.previewText': preview,
    'units.list': units,
    'imports.commit': { planId: 7, taskCount: SUZHOU_TASK_COUNT, added: SUZHOU_TASK_COUNT, removed: 0, changed: 0, unchanged: 0 },
  })
}

/** Pastes the Suzhou text and waits for the preview. */
async function previewed(preview = suzhouPreview()): Promise<VueWrapper> {
  answer(preview)
  const router = await testRouter('/plan')
  const wrapper = mount(ImportPage, { global: { plugins: plugins(router) }, attachTo: document.body })
  await flushPromises()
  await wrapper.find('#tab-text').trigger('click')
  await wrapper.find('textarea[data-test=paste-text]').setValue(suzhouText)
  await wrapper.find('[data-test=parse-text]').trigger('click')
  await flushPromises()
  return wrapper
}

const commitButton = (w: VueWrapper) => w.find('[data-test=import-commit]')
async function createUnknownUnits(w: VueWrapper): Promise<void> {
  for (const row of w.findAll('[data-test=unknown-unit]')) await row.find('[data-test=unit-create] input').setValue(true)
  await flushPromises()
}

describe('ImportPage', () => {
  beforeEach(() => {
    api.mockReset()
    document.body.innerHTML = ''
  })

  it('shows the parsed lists, their tasks and the warnings grouped by kind', async () => {
    const w = await previewed()
    expect(api).toHaveBeenCalledWith('imports.previewText', { text: suzhouText })
    expect(w.findAll('[data-test=draft-list-name]').map((l) => l.text())).toEqual([
      expect.stringContaining('重点工作'),
      expect.stringContaining('工作要点'),
      expect.stringContaining('更贴近民生七件实事'),
    ])
    expect(w.findAll('[data-test=draft-task]')).toHaveLength(SUZHOU_TASK_COUNT)
    expect(w.find('[data-test=draft-summary]').text()).toContain(`识别到 ${SUZHOU_LIST_COUNT} 个清单、${SUZHOU_TASK_COUNT} 项工作任务`)
    const groups = w.findAll('[data-test=warning-group]').map((g) => g.text())
    expect(groups.some((g) => g.includes('编号不连续') && g.includes('缺少第17项'))).toBe(true)
    expect(groups.some((g) => g.includes('牵头单位为统称'))).toBe(true)
    expect(w.find('[data-test=alias-matches]').text()).toContain('协会 → 市快递协会')
    expect(w.findAll('[data-test=link]').length).toBeGreaterThan(0)
    expect(w.find('[data-test=plan-meta]').find('input[data-test=meta-doc-number]').element).toHaveProperty('value', '苏州邮管〔2021〕21号')
  })

  it('keeps the commit button disabled until every unknown unit is resolved', async () => {
    const w = await previewed()
    expect(w.findAll('[data-test=unknown-unit]').map((r) => r.text())).toEqual([expect.stringContaining('各相关处室')])
    expect(commitButton(w).attributes('disabled')).toBeDefined()
    expect(w.find('[data-test=unresolved-count]').text()).toBe('还有 1 个单位未处理')
    await createUnknownUnits(w)
    expect(commitButton(w).attributes('disabled')).toBeUndefined()
    expect(w.find('[data-test=unresolved-count]').exists()).toBe(false)
  })

  it('highlights the source line a task came from when the task is clicked', async () => {
    const w = await previewed()
    expect(w.find('[data-test=source-line-highlight]').exists()).toBe(false)
    const preview = suzhouPreview()
    const task = preview.draft.lists[1].sections[0].tasks[0]
    const row = w.findAll('[data-test=draft-task]').find((r) => r.attributes('data-key') === `工作要点#${task.number}`)!
    await row.trigger('click')
    await flushPromises()
    const line = w.find('[data-test=source-line-highlight]')
    expect(line.attributes('data-line')).toBe(String(task.line))
    expect(line.text()).toContain(task.text.slice(0, 8))
  })

  it('jumps to the item a warning points at', async () => {
    const w = await previewed()
    const collective = w.findAll('[data-test=warning]').find((x) => x.text().includes('各相关处室'))!
    await collective.trigger('click')
    await flushPromises()
    expect(w.find('.draft-table__row.is-active').attributes('data-key')).toBe('重点工作#2')
    expect(w.find('[data-test=source-line-highlight]').exists()).toBe(true)
  })

  it('sends the draft as the office edited it, with the mapping and the accepted links', async () => {
    const w = await previewed()
    const first = w.findAll('[data-test=draft-task]')[0]
    await first.find('[data-test=task-text]').trigger('click')
    await first.find('textarea[data-test=task-text-editor]').setValue('开展党史学习教育（修改后）')
    const links = suzhouPreview().draft.links!
    await w.findAll('[data-test=link-switch]')[0].trigger('click')
    await createUnknownUnits(w)
    await commitButton(w).trigger('click')
    await flushPromises()

    const call = api.mock.calls.find(([m]) => m === 'imports.commit')!
    const input = call[1] as Extract<Parameters<typeof invoke<'imports.commit'>>[1], object>
    expect(input.draft.lists[0].sections[0].tasks[0].text).toBe('开展党史学习教育（修改后）')
    expect(input.unitMapping).toEqual({ 各相关处室: { create: { name: '各相关处室' } } })
    expect(input.links).toEqual(links.slice(1))
    expect(input.replacePlanId).toBeNull()
    expect(input.sourceName).toBe('suzhou-2021-work-points.txt')
    expect(w.find('[data-test=done-summary]').text()).toBe(`共导入 ${SUZHOU_TASK_COUNT} 项工作任务`)
  })

  it('announces a re-import with its diff and revises the existing plan', async () => {
    const preview = suzhouPreview({
      unknownUnits: [],
      existingPlan: { planId: 1, title: '2021年工作要点', docNumber: '苏州邮管〔2021〕21号' },
      diff: {
        added: 0,
        removed: 0,
        changed: 1,
        unchanged: 87,
        items: [{ kind: 'changed', list: '工作要点', number: 3, text: '新的内容', changes: ['任务内容'], taskId: 3, hasReports: true }],
      },
    })
    const w = await previewed(preview)
    expect(w.find('[data-test=reimport-notice]').text()).toContain('该文件已导入过（2021年工作要点），本次导入将作为修订版本')
    expect(w.find('[data-test=diff-added]').text()).toBe('新增 0')
    expect(w.find('[data-test=diff-changed]').text()).toBe('修改 1')
    expect(w.find('[data-test=has-reports]').text()).toBe('已有进展报送')
    await commitButton(w).trigger('click')
    await flushPromises()
    const call = api.mock.calls.find(([m]) => m === 'imports.commit')!
    expect(call[1]).toMatchObject({ replacePlanId: 1 })
  })
})

describe('ImportPage: confidence and one-click corrections', () => {
  beforeEach(() => {
    api.mockReset()
    document.body.innerHTML = ''
  })

  it('says in the summary which tasks lack a lead and which units are unknown, and marks doubtful tasks', async () => {
    const w = await previewed()
    const summary = w.find('[data-test=draft-summary]').text()
    expect(summary).toContain('未能对应：各相关处室')
    const doubtful = w.findAll('[data-test=task-doubtful]')
    expect(doubtful.length).toBeGreaterThan(0)
    expect(summary).toContain(`${doubtful.length} 项识别把握不大`)
    expect(w.findAll('[data-test=draft-task].is-doubtful')).toHaveLength(doubtful.length)
  })

  it('不是任务, 并入上一条 and 拆分 change the draft in one click each', async () => {
    const w = await previewed()
    const rows = () => w.findAll('[data-test=draft-task]')
    await rows()[0].find('[data-test=task-not-task]').trigger('click')
    expect(rows()).toHaveLength(SUZHOU_TASK_COUNT - 1)
    expect(w.find('[data-test=draft-summary]').text()).toContain(`${SUZHOU_TASK_COUNT - 1} 项工作任务`)

    const second = rows()[1].find('[data-test=task-text]').text()
    const first = rows()[0].find('[data-test=task-text]').text()
    await rows()[1].find('[data-test=task-merge-up]').trigger('click')
    expect(rows()).toHaveLength(SUZHOU_TASK_COUNT - 2)
    expect(rows()[0].find('[data-test=task-text]').text()).toBe(`${first}${second}`)

    await rows()[0].find('[data-test=task-split]').trigger('click')
    expect(rows()).toHaveLength(SUZHOU_TASK_COUNT - 1)
    expect(`${rows()[0].find('[data-test=task-text]').text()}${rows()[1].find('[data-test=task-text]').text()}`).toBe(`${first}${second}`)
  })
})
