import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore, type CoreApp } from '../../electron/core/app'
import { createIpcInvoker } from '../../electron/main/ipc-sessions'
import { LOCAL_CALLER } from '../../electron/core/security/caller'
import { dispatch } from '../../electron/contract/dispatch'
import { sql } from 'kysely'
import { migrationId, migrations } from '../../electron/core/db/migrate'
import { movableClock } from './helpers'

let core: CoreApp | null = null
let dir = ''
afterEach(async () => {
  await core?.close()
  core = null
  rmSync(dir, { recursive: true, force: true })
})

async function freshCore() {
  dir = mkdtempSync(join(tmpdir(), 'duban-fresh-'))
  core = await openCore({ dataDir: dir, clock: movableClock('2026-03-02T09:00:00+08:00') })
  return core
}

describe('a fresh (non-demo) database', () => {
  it('asks for the first administrator, accepts one, then closes the door', async () => {
    const c = await freshCore()
    expect(await dispatch(c, 'auth.setupStatus', {}, null, LOCAL_CALLER)).toEqual({
      ok: true,
      data: { needsSetup: true, codeRequired: false },
    })
    // A caller the transport cannot vouch for as local needs the one-time code, and a cross-site POST has none.
    expect(await dispatch(c, 'auth.setupStatus', {}, null)).toEqual({ ok: true, data: { needsSetup: true, codeRequired: true } })
    const remote = await dispatch(c, 'auth.setupAdmin', { username: 'attacker', displayName: '某人', password: 'a-long-secret' }, null)
    expect(remote).toMatchObject({ ok: false, error: { code: 'setup_code', message: expect.stringContaining('设置码') } })
    const weak = await dispatch(c, 'auth.setupAdmin', { username: 'root', displayName: '管理员', password: '123' }, null, LOCAL_CALLER)
    expect(weak).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('密码至少8位') } })
    const made = await dispatch(
      c,
      'auth.setupAdmin',
      { username: 'root', displayName: '管理员', password: 'a-long-secret' },
      null,
      LOCAL_CALLER,
    )
    expect(made).toMatchObject({ ok: true, data: { username: 'root', role: 'admin' } })
    expect(await dispatch(c, 'auth.setupStatus', {}, null)).toEqual({ ok: true, data: { needsSetup: false, codeRequired: false } })
    const again = await dispatch(
      c,
      'auth.setupAdmin',
      { username: 'intruder', displayName: '某人', password: 'another-secret' },
      null,
      LOCAL_CALLER,
    )
    expect(again).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })

  it('stores only salted scrypt hashes, different for the same password', async () => {
    const c = await freshCore()
    await dispatch(c, 'auth.setupAdmin', { username: 'root', displayName: '管理员', password: 'same-password' }, null, LOCAL_CALLER)
    const row = await c.db.selectFrom('users').select(['password_hash', 'password_salt']).executeTakeFirstOrThrow()
    expect(row.password_hash).not.toContain('same-password')
    expect(row.password_salt).toMatch(/^[0-9a-f]{32}$/)
    expect(row.password_hash).toMatch(/^[0-9a-f]{128}$/)
  })

  it('is at the newest schema version and refuses a file from a newer app', async () => {
    const c = await freshCore()
    const applied = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(c.db)
    expect(applied.rows.map((r) => r.name)).toEqual(migrations.map((_, i) => migrationId(i)))
    // a step this program does not know: a newer app wrote here (on SQLite, user_version tells the backups the same)
    await sql`INSERT INTO schema_migrations (name, applied_at) VALUES ('999_from_the_future', 'now')`.execute(c.db)
    await c.close()
    core = null
    await expect(openCore({ dataDir: dir })).rejects.toThrow('比本程序新')
  })
})

describe('the IPC binding keeps the session in the main process', () => {
  it('logs a window in, serves it, and forgets it on logout', async () => {
    const c = await freshCore()
    await dispatch(c, 'auth.setupAdmin', { username: 'root', displayName: '管理员', password: 'a-long-secret' }, null, LOCAL_CALLER)
    const ipc = createIpcInvoker(c)
    expect(await ipc.invoke(7, 'auth.me', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    expect(await ipc.invoke(7, 'auth.login', { username: 'root', password: 'a-long-secret' })).toMatchObject({ ok: true })
    expect(await ipc.invoke(7, 'auth.me', {})).toMatchObject({ ok: true, data: { username: 'root' } })
    expect(await ipc.invoke(8, 'auth.me', {})).toMatchObject({ ok: false }) // another window is not logged in
    expect(await ipc.invoke(7, 42, {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    await ipc.invoke(7, 'auth.logout', {})
    expect(await ipc.invoke(7, 'auth.me', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })
})

describe('opening evidence with the system program (desktop only)', () => {
  it('reads the file through the core’s permission check, then hands a copy to the system', async () => {
    const { demoCore } = await import('./helpers')
    const t = await demoCore()
    try {
      const opened: { path: string; bytes: Buffer }[] = []
      const { readFileSync } = await import('node:fs')
      const desktop = {
        openPath: async (path: string) => {
          opened.push({ path, bytes: readFileSync(path) })
          return ''
        },
        htmlToPdf: async () => new Uint8Array(),
      }
      const env = { db: t.core.db, clock: t.clock, files: t.core.files }
      const ipc = createIpcInvoker(env, desktop)
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
      await ipc.invoke(1, 'auth.login', { username: 'scjg', password: 'Duban2021' })
      const up = await ipc.invoke(1, 'files.upload', { name: '../../现场照片.png', dataBase64: png.toString('base64') })
      expect(up).toMatchObject({ ok: true })
      const attachmentId = (up as { data: { id: number } }).data.id

      expect(await ipc.invoke(1, 'files.openWithSystem', { attachmentId })).toEqual({ ok: true, data: { opened: true } })
      expect(opened).toHaveLength(1)
      expect(opened[0].bytes.equals(png)).toBe(true)
      expect(opened[0].path).not.toContain('..')
      expect(opened[0].path).toMatch(/现场照片\.png$/)

      // Over HTTP the same call only says what to do instead.
      const token = (await dispatch(env, 'auth.login', { username: 'scjg', password: 'Duban2021' }, null)) as {
        ok: true
        data: { token: string }
      }
      expect(await dispatch(env, 'files.openWithSystem', { attachmentId }, token.data.token)).toMatchObject({
        ok: false,
        error: { code: 'desktop_only', message: expect.stringContaining('下载') },
      })
    } finally {
      await t.cleanup()
    }
  })
})
