import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CONNECTION_FILE,
  certificateVerdict,
  cspFor,
  fingerprintOfPem,
  normalizeFingerprint,
  normalizeServerUrl,
  readConnection,
  writeConnection,
  type Connection,
} from '../../electron/main/connection'
import { staleMessage, changeLabel } from '../../electron/core/concurrency/rules'

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/tls', name), 'utf8')
// `openssl x509 -in server-a.crt -noout -fingerprint -sha256`
const A = 'B5:00:84:9B:33:83:25:98:38:3A:67:6E:45:04:AA:63:23:B0:1D:DC:58:B8:C0:F9:25:59:FF:CD:AA:E5:17:88'

describe('the desktop app’s connection settings', () => {
  it('accepts a bare address or an https URL and refuses plain http', () => {
    expect(normalizeServerUrl('192.168.1.20:5180')).toBe('https://192.168.1.20:5180')
    expect(normalizeServerUrl(' https://duban.bureau.lan/login ')).toBe('https://duban.bureau.lan')
    expect(() => normalizeServerUrl('http://192.168.1.20:5180')).toThrow('https://')
    expect(() => normalizeServerUrl('')).toThrow('请填写单位服务器的地址')
    expect(() => normalizeServerUrl('https://user:pw@host')).toThrow('用户名或密码')
  })

  it('reads fingerprints in the usual spellings, and refuses anything else', () => {
    expect(normalizeFingerprint(A.toLowerCase().replace(/:/g, ''))).toBe(A)
    expect(normalizeFingerprint(`sha256 Fingerprint=${A}`)).toBe(A)
    expect(() => normalizeFingerprint('AB:CD')).toThrow('证书指纹格式不正确')
    expect(fingerprintOfPem(fixture('server-a.crt'))).toBe(A)
  })

  it('keeps the choice in a file, and asks again when the file is missing or damaged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-conn-'))
    try {
      expect(readConnection(dir)).toEqual({ mode: 'unset' })
      const pinned: Connection = {
        mode: 'server',
        serverUrl: 'https://10.0.0.5:5180',
        fingerprint: A,
        pinnedAt: '2021-07-20T06:00:00.000Z',
      }
      writeConnection(dir, pinned)
      expect(readConnection(dir)).toEqual(pinned)
      writeConnection(dir, { mode: 'local' })
      expect(readConnection(dir)).toEqual({ mode: 'local' })
      writeFileSync(join(dir, CONNECTION_FILE), '{"mode":"server","serverUrl":"http://x","fingerprint":"zz"}')
      expect(readConnection(dir)).toEqual({ mode: 'unset' })
      writeFileSync(join(dir, CONNECTION_FILE), 'not json')
      expect(readConnection(dir)).toEqual({ mode: 'unset' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('trusts the pinned server’s certificate only, refuses a changed one, and leaves other hosts to Chromium', () => {
    const pinned: Connection = { mode: 'server', serverUrl: 'https://127.0.0.1:5180', fingerprint: A, pinnedAt: '' }
    expect(certificateVerdict(pinned, '127.0.0.1', fixture('server-a.crt'))).toBe('trust')
    expect(certificateVerdict(pinned, '127.0.0.1', fixture('server-b.crt'))).toBe('refuse')
    expect(certificateVerdict(pinned, '127.0.0.1', 'garbage')).toBe('refuse')
    expect(certificateVerdict(pinned, 'example.org', fixture('server-b.crt'))).toBe('default')
    expect(certificateVerdict({ mode: 'local' }, '127.0.0.1', fixture('server-a.crt'))).toBe('default')
  })

  it('lets the window connect to the configured server’s origin and nowhere else', () => {
    const base = "default-src 'self'; connect-src 'self'; object-src 'none'"
    expect(cspFor(base, { mode: 'local' })).toBe(base)
    expect(cspFor(base, { mode: 'server', serverUrl: 'https://10.0.0.5:5180', fingerprint: A, pinnedAt: '' })).toBe(
      "default-src 'self'; connect-src 'self' https://10.0.0.5:5180; object-src 'none'",
    )
  })
})

describe('the stale-write message', () => {
  it('names who changed what and when, in the bureau’s words', () => {
    const at = '2021-07-20T06:32:00.000Z' // 14:32 in Asia/Shanghai (tests pin TZ)
    expect(
      staleMessage('该任务', {
        at,
        actorName: '张三',
        actorPlace: '办公室',
        action: 'task.update',
        after: { taskId: 1, leadUnitIds: [3] },
      }),
    ).toBe('该任务已于2021年7月20日 14:32 被 张三（办公室）修改了牵头单位，请刷新后再改')
    expect(changeLabel('task.bulkAssign', { deadline: null, leaderId: 4 })).toBe('完成时限、分管领导')
    expect(changeLabel('milestones.applyTemplate', null)).toBe('进度节点')
    expect(changeLabel('something.else', { version: 3 })).toBe('内容')
    expect(staleMessage('该任务', null)).toBe('该任务已被他人修改，请刷新后再改')
  })
})
