/** The form's seal: an HMAC over unit, period and the ids it was issued for, with a secret kept in this database. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Db } from '../../db/connection'

const SECRET_KEY = 'forms.secret'

/** Created on first use; a form from another database (or edited ids) fails the check. */
export async function formSecret(db: Db): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SECRET_KEY).executeTakeFirst()
  if (row) return row.value
  const value = randomBytes(32).toString('hex')
  await db
    .insertInto('settings')
    .values({ key: SECRET_KEY, value })
    .onConflict((oc) => oc.doNothing())
    .execute()
  return (await db.selectFrom('settings').select('value').where('key', '=', SECRET_KEY).executeTakeFirstOrThrow()).value
}

export interface FormSeal {
  unitId: number
  period: string
  taskIds: number[]
  indicatorIds: number[]
}

export function signSeal(secret: string, seal: FormSeal): string {
  const payload = [seal.unitId, seal.period, seal.taskIds.join(','), seal.indicatorIds.join(',')].join('|')
  return createHmac('sha256', secret).update(payload).digest('hex')
}

export function sealMatches(secret: string, seal: FormSeal, signature: string): boolean {
  const expected = Buffer.from(signSeal(secret, seal), 'hex')
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
