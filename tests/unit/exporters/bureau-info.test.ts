import { describe, expect, it } from 'vitest'
import { BUREAU_KEYS, defaultBureauInfo } from '../../../electron/core/exporters/bureauInfo'

describe('defaultBureauInfo', () => {
  it('takes today’s values from the imported plan: its issuer and its number prefix', () => {
    expect(defaultBureauInfo({ issuer: '苏州市邮政管理局', docNumber: '苏州邮管〔2021〕21号' })).toEqual({
      name: '苏州市邮政管理局',
      shortName: '苏州邮管',
      noticePrefix: '督办',
      bulletinPrefix: '苏州邮管督',
      ccList: '局领导',
      printingOrgan: '苏州市邮政管理局办公室',
    })
  })

  it('falls back to neutral names for a plan without issuer or number', () => {
    expect(defaultBureauInfo({ issuer: null, docNumber: null })).toMatchObject({
      name: '邮政管理局',
      bulletinPrefix: '督查',
      printingOrgan: '邮政管理局办公室',
    })
    expect(defaultBureauInfo(null).name).toBe('邮政管理局')
  })

  it('reads every field from a bureau.* settings key', () => {
    expect(Object.values(BUREAU_KEYS).every((k) => k.startsWith('bureau.'))).toBe(true)
    expect(Object.keys(BUREAU_KEYS).sort()).toEqual(Object.keys(defaultBureauInfo(null)).sort())
  })
})
