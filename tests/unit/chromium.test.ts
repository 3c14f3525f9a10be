import { afterAll, describe, expect, it } from 'vitest'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { findChromium } from '../support/chromium'

const dir = mkdtempSync(join(tmpdir(), 'duban-chromium-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function fakeBrowser(name: string): string {
  const file = join(dir, name)
  writeFileSync(file, '#!/bin/sh\n')
  chmodSync(file, 0o755)
  return file
}

describe('the one way browser tests find Chromium', () => {
  it('takes CHROMIUM_PATH first', () => {
    const chosen = fakeBrowser('my-chromium')
    expect(findChromium({ CHROMIUM_PATH: chosen, PATH: '' })).toBe(chosen)
  })

  it('then finds chromium-browser on PATH', () => {
    const empty = mkdtempSync(join(dir, 'empty-'))
    const found = fakeBrowser('chromium-browser')
    expect(findChromium({ PATH: [empty, dir].join(delimiter) })).toBe(found)
  })

  it('fails, saying how to install one, when there is none', () => {
    expect(() => findChromium({ PATH: '/nonexistent' })).toThrow(/apt-get install -y chromium fonts-noto-cjk.*CHROMIUM_PATH/)
  })

  it('fails when CHROMIUM_PATH names no executable', () => {
    expect(() => findChromium({ CHROMIUM_PATH: join(dir, 'missing'), PATH: dir })).toThrow(/CHROMIUM_PATH=.*missing/)
  })
})
