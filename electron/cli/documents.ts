/** CLI commands that write files: the ledger (台账), the bulletin (督查通报) and the large generated database. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DB_FILE, type CoreApp } from '../core/app'
import { openDatabase, type OpenedDatabase } from '../core/db/connection'
import { openPostgres } from '../core/db/postgres'
import { postgresUrlFrom, redactUrl } from '../core/db/engine'
import { DEMO_SIZES, generateLarge } from '../core/demo/large/generate'
import type { Actor, Ctx } from '../core/context'
import { DubanError } from '../core/errors'
import { exportLedger } from '../core/exporters/ledger'
import { exportBulletin } from '../core/exporters/bulletin'

/** Whoever can run the CLI can open the database file itself: it acts as the first administrator. */
export async function adminCtx(core: CoreApp): Promise<Ctx> {
  const admin = await core.db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('role', '=', 'admin')
    .orderBy('id')
    .executeTakeFirst()
  const actor: Actor = {
    id: admin?.id ?? 0,
    username: admin?.username ?? 'cli',
    displayName: admin?.display_name ?? '命令行',
    role: 'admin',
    unitId: null,
  }
  return { db: core.db, clock: core.clock, files: core.files, actor }
}

function write(out: string | undefined, file: { fileName: string; contentBase64: string }): void {
  if (!out) throw new DubanError('usage', '请用 --out 指定输出文件')
  writeFileSync(out, Buffer.from(file.contentBase64, 'base64'))
  process.stdout.write(`已生成：${out}（${file.fileName}）\n`)
}

export async function runLedger(core: CoreApp, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, 'as-of': { type: 'string' }, plan: { type: 'string' } } })
  const file = await exportLedger(await adminCtx(core), {
    asOf: values['as-of'],
    planId: values.plan ? Number(values.plan) : undefined,
  })
  write(values.out, file)
  return 0
}

export async function runBulletin(core: CoreApp, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, period: { type: 'string' }, plan: { type: 'string' } } })
  if (!values.period) throw new DubanError('usage', '请用 --period YYYY-MM 指定通报期次')
  const file = await exportBulletin(await adminCtx(core), {
    period: values.period,
    planId: values.plan ? Number(values.plan) : undefined,
  })
  write(values.out, file)
  return 0
}

export async function runDemo(args: string[], defaultDir: string): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { years: { type: 'string' }, bureaus: { type: 'string' }, out: { type: 'string' }, size: { type: 'string' } },
  })
  if (values.size !== undefined && !(values.size in DEMO_SIZES))
    throw new DubanError('usage', `--size 应为 ${Object.keys(DEMO_SIZES).join(' 或 ')}（province：100 个局 × 10 年，约一百万条报送）`)
  const preset = DEMO_SIZES[(values.size ?? 'city') as keyof typeof DEMO_SIZES]
  const years = Number(values.years ?? preset.years)
  const bureaus = Number(values.bureaus ?? preset.bureaus)
  if (!Number.isInteger(years) || years < 1 || years > 30 || !Number.isInteger(bureaus) || bureaus < 1 || bureaus > 100)
    throw new DubanError('usage', '--years 应为1–30的整数，--bureaus 应为1–100的整数')
  const url = postgresUrlFrom()
  const dir = values.out ?? defaultDir
  const file = join(dir, DB_FILE)
  let opened: OpenedDatabase
  if (url) {
    opened = await openPostgres(url)
    if (await opened.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) {
      await opened.close()
      throw new DubanError('conflict', `${redactUrl(url)} 中已有数据；生成器只写入空数据库`)
    }
  } else {
    if (existsSync(file)) throw new DubanError('conflict', `${file} 已存在；生成器只写入新的数据目录，请换一个 --out 目录`)
    mkdirSync(dir, { recursive: true })
    opened = openDatabase(file)
  }
  try {
    let shown = 0
    const stats = await generateLarge(opened.db, {
      years,
      bureaus,
      // a province takes minutes: a line at every tenth of the plans
      onPlan: (done, total) => {
        if (total < 100 || Math.floor((done * 10) / total) === shown) return
        shown = Math.floor((done * 10) / total)
        process.stdout.write(`  ${done}/${total} 个文件…\n`)
      },
    })
    if (opened.engine === 'sqlite') opened.raw.pragma('wal_checkpoint(TRUNCATE)')
    process.stdout.write(
      `已生成：${url ? redactUrl(url) : file}\n  ${stats.units} 个单位，${stats.plans} 个文件，${stats.tasks} 项任务，${stats.reports} 条进展报送；用时 ${(stats.ms / 1000).toFixed(1)} 秒（演示“今天”为 ${stats.today}）\n`,
    )
    return 0
  } finally {
    await opened.close()
  }
}
