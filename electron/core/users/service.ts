import type { Ctx, Actor } from '../context'
import type { Role } from '../db/schema'
import { DubanError, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { hashPassword, newSalt, newToken, tokenHash, verifyPassword } from './passwords'
import { ROLE_LABELS, requireActor, requireRole } from './rules'
import type { Caller } from '../security/caller'
import { assertMayTryLogin, clearUserFailures, recordLoginFailure } from '../security/throttle'
import { SETUP_CODE_KEY, assertSetupCode } from '../security/setup-code'

/** Minutes of inactivity after which a session ends. */
export const SESSION_IDLE_MINUTES = 30
/** last_seen_at is accurate to this much; far below the idle limit */
const SEEN_RESOLUTION_MS = 60_000

export interface UserView {
  id: number
  username: string
  displayName: string
  role: Role
  roleLabel: string
  unitId: number | null
  unitName: string | null
  phone: string | null
  active: boolean
  /** signed in with a one-time password: every call but changing it is refused until it is changed */
  mustChangePassword: boolean
  lastLoginAt: string | null
  /** 分管: the units a leader is in charge of */
  leaderUnits: { id: number; name: string }[]
}

export async function userView(ctx: Pick<Ctx, 'db'>, id: number): Promise<UserView> {
  const [view] = await userViews(ctx, [id])
  if (!view) throw notFound('该用户')
  return view
}

/** Many users in two queries (not two per user), in the order of `ids`. */
async function userViews(ctx: Pick<Ctx, 'db'>, ids: readonly number[]): Promise<UserView[]> {
  if (ids.length === 0) return []
  const users = await ctx.db
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'username', 'display_name', 'role', 'unit_id', 'units.name as unit_name'])
    .select(['phone', 'users.active', 'must_change_password', 'last_login_at'])
    .where('users.id', 'in', ids)
    .execute()
  const inCharge = await ctx.db
    .selectFrom('leader_units')
    .innerJoin('units', 'units.id', 'leader_units.unit_id')
    .select(['leader_units.leader_id', 'units.id', 'units.name'])
    .where('leader_id', 'in', ids)
    .orderBy('units.sort')
    .orderBy('units.id')
    .execute()
  const byId = new Map(users.map((u) => [u.id, u]))
  return ids.flatMap((id) => {
    const u = byId.get(id)
    if (!u) return []
    return {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      role: u.role,
      roleLabel: ROLE_LABELS[u.role],
      unitId: u.unit_id,
      unitName: u.unit_name,
      phone: u.phone,
      active: u.active === 1,
      mustChangePassword: u.must_change_password === 1,
      lastLoginAt: u.last_login_at,
      leaderUnits: inCharge.filter((l) => l.leader_id === id).map((l) => ({ id: l.id, name: l.name })),
    }
  })
}

export async function setupStatus(ctx: Ctx, caller?: Caller): Promise<{ needsSetup: boolean; codeRequired: boolean }> {
  const row = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const needsSetup = Number(row.n) === 0
  return { needsSetup, codeRequired: needsSetup && !caller?.local }
}

export async function createUser(
  ctx: Ctx,
  input: {
    username: string
    displayName: string
    role: Role
    unitId: number | null
    password: string
    phone?: string | null
    /** a one-time password the person must change at first sign-in */
    mustChangePassword?: boolean
  },
): Promise<UserView> {
  const { needsSetup } = await setupStatus(ctx)
  if (!needsSetup) requireRole(ctx.actor, ['admin'])
  else if (input.role !== 'admin') throw new DubanError('setup_required', '请先设置系统管理员账号')
  if ((input.role === 'unit_head' || input.role === 'unit_staff') && !input.unitId) {
    throw new DubanError('invalid_input', '处室人员必须指定所属处室')
  }
  const id = await inTransaction(ctx, async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst()
    if (taken) throw new DubanError('conflict', `用户名“${input.username}”已被使用`)
    const salt = newSalt()
    const row = await trx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        unit_id: input.unitId,
        password_salt: salt,
        password_hash: hashPassword(input.password, salt),
        phone: input.phone || null,
        must_change_password: input.mustChangePassword ? 1 : 0,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeAudit(trx, ctx, {
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      after: {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        unitId: input.unitId,
        phone: input.phone || null,
      },
    })
    return row.id
  })
  return userView(ctx, id)
}

/**
 * First start of a fresh database: the first administrator sets a password. Only from the machine
 * itself, or with the one-time code the server printed at start (a cross-site POST has neither).
 */
export async function setupAdmin(
  ctx: Ctx,
  input: { username: string; displayName: string; password: string; setupCode?: string },
  caller: Caller,
) {
  const { needsSetup } = await setupStatus(ctx)
  if (needsSetup && !caller.local) await assertSetupCode(ctx.db, input.setupCode)
  const user = await createUser(ctx, {
    username: input.username,
    displayName: input.displayName,
    password: input.password,
    role: 'admin',
    unitId: null,
  })
  await ctx.db.deleteFrom('settings').where('key', '=', SETUP_CODE_KEY).execute()
  return user
}

/** Verified when the username is unknown, so an unknown name costs the same time as a wrong password. */
let dummy: { salt: string; hash: string } | null = null
function dummyCredentials() {
  if (!dummy) {
    const salt = newSalt()
    dummy = { salt, hash: hashPassword(newToken(), salt) }
  }
  return dummy
}

export async function login(ctx: Ctx, input: { username: string; password: string }, caller: Caller) {
  await assertMayTryLogin(ctx, input.username, caller)
  const u = await ctx.db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst()
  const check = u ?? { password_salt: dummyCredentials().salt, password_hash: dummyCredentials().hash }
  const passwordOk = verifyPassword(input.password, check.password_salt, check.password_hash)
  if (!u || !passwordOk) {
    await inTransaction(ctx, (trx) => recordLoginFailure(trx, ctx, input.username, caller))
    throw new DubanError('bad_credentials', '用户名或密码不正确')
  }
  // Said only to someone who knows the password, so it reveals nothing to a guesser.
  if (!u.active) throw new DubanError('bad_credentials', '该账号已停用，请联系系统管理员')
  const token = newToken()
  const now = ctx.clock.now().toISOString()
  // The previous sign-in is what the person is shown ("上次登录"), so it is read before this one is recorded.
  const previousLoginAt = u.last_login_at
  await inTransaction(ctx, async (trx) => {
    await clearUserFailures(trx, input.username)
    await trx
      .insertInto('sessions')
      .values({
        token_hash: tokenHash(token),
        user_id: u.id,
        created_at: now,
        last_seen_at: now,
        address: caller.remoteAddress.slice(0, 64),
        user_agent: caller.userAgent ? caller.userAgent.slice(0, 200) : null,
      })
      .execute()
    await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', u.id).execute()
    await writeAudit(trx, { ...ctx, actor: { id: u.id } as Actor }, { action: 'auth.login', entity: 'user', entityId: u.id })
  })
  const user = await userView(ctx, u.id)
  return { token, user, mustChangePassword: user.mustChangePassword, previousLoginAt }
}

export async function logout(ctx: Ctx, token: string | null): Promise<{ ok: true }> {
  if (token) await ctx.db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute()
  return { ok: true }
}

/** Finds the actor behind a token; an idle session is ended and refused. */
export async function resolveSession(ctx: Omit<Ctx, 'actor'>, token: string): Promise<Actor> {
  const hash = tokenHash(token)
  const s = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'username', 'display_name', 'role', 'unit_id', 'active', 'last_seen_at', 'must_change_password'])
    .where('token_hash', '=', hash)
    .executeTakeFirst()
  if (!s || !s.active) throw new DubanError('unauthenticated', '请先登录')
  const now = ctx.clock.now()
  if (now.getTime() - new Date(s.last_seen_at).getTime() > SESSION_IDLE_MINUTES * 60_000) {
    await ctx.db.deleteFrom('sessions').where('token_hash', '=', hash).execute()
    throw new DubanError('session_expired', '长时间未操作，登录已失效，请重新登录')
  }
  // Every call passes here: recording activity at most once a minute keeps reads from becoming writes.
  if (now.getTime() - new Date(s.last_seen_at).getTime() >= SEEN_RESOLUTION_MS) {
    await ctx.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', hash).execute()
  }
  return {
    id: s.id,
    username: s.username,
    displayName: s.display_name,
    role: s.role,
    unitId: s.unit_id,
    mustChangePassword: s.must_change_password === 1,
  }
}

export async function me(ctx: Ctx): Promise<UserView> {
  return userView(ctx, requireActor(ctx.actor).id)
}

export async function listUsers(ctx: Ctx): Promise<UserView[]> {
  requireRole(ctx.actor, ['admin', 'office'])
  const ids = await ctx.db.selectFrom('users').select('id').orderBy('id').execute()
  return userViews(
    ctx,
    ids.map((r) => r.id),
  )
}

/** The bureau's leaders, for "分管领导" pickers and filters: names only, visible to every signed-in user. */
export async function listLeaders(ctx: Ctx): Promise<{ id: number; displayName: string }[]> {
  requireActor(ctx.actor)
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('role', '=', 'leader')
    .where('active', '=', 1)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }))
}
