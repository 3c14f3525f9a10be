/**
 * First-admin setup from another machine needs a one-time code that only someone who can read the
 * server's console or log has seen. The code's hash is kept in settings so the CLI and server agree.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto'
import type { Db } from '../db/connection'
import { DubanError } from '../errors'

const KEY = 'setup.code_sha256'
// No 0/O or 1/I/L: read off a console and typed by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

const digest = (code: string) => createHash('sha256').update(code.trim().toUpperCase().replace(/[\s-]/g, '')).digest()

async function needsSetup(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n) === 0
}

/** Issues a fresh code when the database has no user yet; returns null otherwise. Shown as XXXX-XXXX-XXXX. */
export async function issueSetupCode(db: Db): Promise<string | null> {
  if (!(await needsSetup(db))) return null
  let raw = ''
  for (let i = 0; i < 12; i++) raw += ALPHABET[randomInt(ALPHABET.length)]
  const value = digest(raw).toString('hex')
  await db
    .insertInto('settings')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
  return raw.match(/.{4}/g)!.join('-')
}

/** Throws unless the code matches the one issued; a used code is removed with the setup itself. */
export async function assertSetupCode(db: Db, code: string | undefined): Promise<void> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst()
  const ok = !!code && !!row && timingSafeEqual(digest(code), Buffer.from(row.value, 'hex'))
  if (!ok) {
    throw new DubanError('setup_code', '只能在服务器本机上设置第一个管理员；从其他电脑设置时，请输入服务器启动时显示的一次性设置码')
  }
}

export const SETUP_CODE_KEY = KEY
