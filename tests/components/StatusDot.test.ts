import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import StatusDot from '@/components/StatusDot.vue'

describe('StatusDot', () => {
  it.each([
    ['green', '正常推进', '#43a047'],
    ['yellow', '临期', '#e6a23c'],
    ['red', '逾期', '#d93025'],
    ['grey', '未开始', '#a8abb2'],
  ] as const)('shows a %s dot with the label %s', (light, label, colour) => {
    const w = mount(StatusDot, { props: { light, label } })
    expect(w.text()).toBe(label)
    expect(w.attributes('data-light')).toBe(light)
    const dot = w.find('.status-dot__dot').element as HTMLElement
    expect(dot.getAttribute('style')).toContain(colour)
  })
})
