import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../../electron/core/app'
import { demoSamplePath } from '../../electron/core/paths'
import { findLeftoverUploads, LEFTOVER_AFTER_MS } from '../../electron/core/files/leftovers'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'duban-leftovers-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const part = (name: string, ageMs: number) => {
  const path = join(dir, 'files', 'tmp', name)
  writeFileSync(path, 'half an upload')
  const at = new Date(Date.now() - ageMs)
  utimesSync(path, at, at)
  return path
}

describe('uploads left half-done by a killed process', () => {
  it('are removed when the core opens; a fresh one (an upload in progress elsewhere) and other files stay', async () => {
    await (await openCore({ dataDir: dir, demoSample: demoSamplePath() })).close()
    mkdirSync(join(dir, 'files', 'tmp'), { recursive: true })
    const killed = part('killed.0123.part', 2 * LEFTOVER_AFTER_MS)
    const killedToo = part('killed-too.4567.part', LEFTOVER_AFTER_MS + 60_000)
    const inFlight = part('in-flight.89ab.part', 1000)
    const notOurs = part('readme.txt', 2 * LEFTOVER_AFTER_MS)
    expect(
      findLeftoverUploads(join(dir, 'files'))
        .map((f) => f.name)
        .sort(),
    ).toEqual(['killed-too.4567.part', 'killed.0123.part'])

    const core = await openCore({ dataDir: dir })
    await core.close()
    expect(existsSync(killed)).toBe(false)
    expect(existsSync(killedToo)).toBe(false)
    expect(existsSync(inFlight)).toBe(true)
    expect(existsSync(notOurs)).toBe(true)
    expect(findLeftoverUploads(join(dir, 'files'))).toEqual([])
  })
})
