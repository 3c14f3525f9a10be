import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import SourcePicker from '@/views/import/SourcePicker.vue'
import { plugins } from './setup'

function choose(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
}

describe('SourcePicker', () => {
  it('refuses a file over 20 MB before reading or sending it', async () => {
    const w = mount(SourcePicker, { props: { loading: false }, global: { plugins: plugins() } })
    const big = new File(['x'], '2021年工作要点.docx')
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 })
    choose(w.find('[data-test=file-input]').element as HTMLInputElement, big)
    await Promise.resolve()
    expect(w.emitted('error')).toEqual([['文件超过20MB，不像是工作要点文件，请检查是否选错了文件']])
    expect(w.emitted('file')).toBeUndefined()
  })

  it('reads a chosen file as base64 for the core', async () => {
    const w = mount(SourcePicker, { props: { loading: false }, global: { plugins: plugins() } })
    choose(w.find('[data-test=file-input]').element as HTMLInputElement, new File(['工作要点'], 'a.txt', { type: 'text/plain' }))
    await expect.poll(() => w.emitted('file')).toBeTruthy()
    const [name, base64] = w.emitted('file')![0] as [string, string]
    expect(name).toBe('a.txt')
    expect(Buffer.from(base64, 'base64').toString('utf8')).toBe('工作要点')
  })
})
