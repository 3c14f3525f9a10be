/** Command line: import, check. Run as `npm run --silent cli -- <command> …`. */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { DB_FILE, openCore } from '../core/app'
import { appRoot, dataDirFrom } from '../core/paths'
import { assertPlanFileSize, parsePlanFileWithText } from '../core/importers'
import type { ParseWarning, PlanDraft } from '../core/importers/types'
import { knownUnits, unknownUnitWarnings } from '../core/imports/units'
import { importUnreviewed } from '../core/imports/service'
import { DubanError } from '../core/errors'
import { postgresUrlFrom } from '../core/db/engine'
import { checkDatabase, leftoverUploadProblems } from './check'
import { adminCtx, runBulletin, runDemo, runLedger } from './documents'
import { runServe } from './serve'
import { runMigrateToPostgres } from './migrate-to-postgres'
import { runAcceptCurrent, runArchiveExport, runArchiveImport, runBackup, runBackups, runRestore, runVerify } from './backup'

const USAGE = `用法：
  npm run --silent cli -- import [--dry-run] [--json] 文件      解析（--dry-run 不写入）或导入工作要点文件
  npm run --silent cli -- ledger --out 文件 [--as-of YYYY-MM-DD]   导出工作落实情况台账（Excel）
  npm run --silent cli -- bulletin --period YYYY-MM --out 文件      生成督查通报（Word）
  npm run --silent cli -- demo [--years 10] [--bureaus 13] [--size province] [--out 目录]   生成用于性能测试的大型数据库
                                                                （--size province：100 个局 × 10 年，约一百万条报送）
  npm run --silent cli -- check                                 检查 DUBAN_DATA_DIR 中数据库的完整性与一致性
  npm run --silent cli -- serve [--check]                       启动单位服务器（--check 只检查配置）
  npm run --silent cli -- backup [--out 目录]                   立即备份数据库和佐证材料（PostgreSQL：用 pg_dump -Fc）
  npm run --silent cli -- backups                               列出备份并逐一校验
  npm run --silent cli -- verify 备份                           校验一份备份（每个文件的 SHA-256；PostgreSQL 另用 pg_restore --list）
  npm run --silent cli -- restore 备份 [--confirm 备份]         恢复备份（须先关闭督办台；当前数据改名保留。PostgreSQL：
                                                                空数据库直接恢复，已有数据时须 --confirm 备份名称，先备份现有数据）
  npm run --silent cli -- accept-current                        启动检查发现修改丢失而不恢复备份时，接受当前数据库
  npm run --silent cli -- archive-export --plan 编号|--year 年份 --out 文件.zip   导出年度归档
  npm run --silent cli -- archive-import 文件.zip               把归档导入到空的新安装
  npm run --silent cli -- migrate-to-postgres --from 数据目录 --to postgres://…   把 SQLite 数据库迁移到空的 PostgreSQL 数据库
数据目录：DUBAN_DATA_DIR（默认 ./.duban-data）`

/** With a database in the data directory, a dry run also names the units it does not know. */
async function warningsAgainstDatabase(draft: PlanDraft): Promise<ParseWarning[]> {
  const dir = dataDirFrom(join(appRoot(), '.duban-data'))
  if (!postgresUrlFrom() && !existsSync(join(dir, DB_FILE))) return []
  const core = await openCore({ dataDir: dir })
  try {
    return unknownUnitWarnings(draft, await knownUnits(core.db))
  } finally {
    await core.close()
  }
}

/** Reads any supported plan file (txt, docx, xlsx, csv, pdf); refusals carry a Chinese message. */
async function readPlan(file: string): Promise<{ draft: PlanDraft; text: string }> {
  let size: number
  try {
    size = statSync(file).size
  } catch {
    throw new DubanError('file_not_found', `找不到文件：${file}`)
  }
  // Checked before reading, so a huge file is refused without loading it.
  assertPlanFileSize(size)
  return parsePlanFileWithText(basename(file), new Uint8Array(readFileSync(file)))
}

const dataDir = () => dataDirFrom(join(appRoot(), '.duban-data'))

async function openData() {
  return openCore({ dataDir: dataDir() })
}

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  })
  const file = positionals[0]
  if (!file) throw new DubanError('usage', USAGE)
  const { draft, text } = await readPlan(file)
  if (values['dry-run']) {
    draft.warnings.push(...(await warningsAgainstDatabase(draft)))
    if (values.json) process.stdout.write(JSON.stringify(draft, null, 2) + '\n')
    else printSummary(draft)
    return 0
  }
  const core = await openData()
  try {
    const result = await importUnreviewed(await adminCtx(core), { draft, text, sourceName: basename(file) })
    // every task with its code (重点3, 要点15, 民生5-2), as the app names it
    const tasks = await core.db
      .selectFrom('tasks')
      .select(['id', 'code', 'number', 'text'])
      .where('plan_id', '=', result.planId)
      .orderBy('sort')
      .execute()
    const out = { ...result, warnings: draft.warnings, tasks }
    process.stdout.write(
      values.json
        ? JSON.stringify(out, null, 2) + '\n'
        : `已导入：${draft.plan.title}，共 ${result.taskCount} 项任务（文件编号 ${result.planId}）\n`,
    )
    return 0
  } finally {
    await core.close()
  }
}

function printSummary(draft: PlanDraft) {
  console.log(`${draft.plan.title}（${draft.plan.docNumber ?? '无文号'}，${draft.plan.issuedOn ?? '无日期'}）`)
  for (const l of draft.lists) console.log(`  ${l.name}：${l.sections.reduce((n, s) => n + s.tasks.length, 0)} 项`)
  for (const w of draft.warnings) console.log(`  ⚠ ${w.message}`)
}

async function runCheck(): Promise<number> {
  const leftovers = leftoverUploadProblems(join(dataDir(), 'files'))
  const core = await openData()
  try {
    const problems = [...leftovers, ...(await checkDatabase(core))]
    if (problems.length === 0) {
      console.log('检查通过：数据库完整，数据一致。')
      return 0
    }
    for (const p of problems) console.error(`✗ ${p.message}`)
    console.error(`共发现 ${problems.length} 个问题。`)
    return 1
  } finally {
    await core.close()
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === 'import') return runImport(rest)
  if (command === 'check') return runCheck()
  if (command === 'serve') return runServe(rest)
  if (command === 'demo') return runDemo(rest, join(appRoot(), '.duban-large'))
  if (command === 'migrate-to-postgres') return runMigrateToPostgres(rest)
  const dataDir = dataDirFrom(join(appRoot(), '.duban-data'))
  const url = ['backup', 'restore', 'accept-current'].includes(command) ? postgresUrlFrom() : null
  if (command === 'backup') return runBackup(dataDir, rest, url)
  if (command === 'backups') return runBackups(dataDir)
  if (command === 'verify') return runVerify(dataDir, rest)
  if (command === 'restore') return runRestore(dataDir, rest, url)
  if (command === 'accept-current' && url)
    throw new DubanError('unsupported', 'accept-current 只用于 SQLite 数据库的启动检查；PostgreSQL 数据库不做这项检查')
  if (command === 'accept-current') return runAcceptCurrent(dataDir)
  if (command === 'archive-export' || command === 'archive-import') {
    const core = await openData()
    try {
      return await (command === 'archive-export' ? runArchiveExport : runArchiveImport)(core, rest)
    } finally {
      await core.close()
    }
  }
  if (command === 'ledger' || command === 'bulletin') {
    const core = await openData()
    try {
      return await (command === 'ledger' ? runLedger : runBulletin)(core, rest)
    } finally {
      await core.close()
    }
  }
  console.error(USAGE)
  return command ? 2 : 0
}

/**
 * process.exit drops whatever a pipe has not taken yet (a --json parse piped to another program was
 * cut at 64 KB). So the exit code is set, and the process leaves only after stdout and stderr have
 * handed over everything written before: each stream's write callback runs once its earlier writes are done.
 */
function exitAfterFlush(code: number): void {
  process.exitCode = code
  let pending = 2
  const flushed = () => {
    if (--pending === 0) process.exit(code)
  }
  process.stdout.write('', flushed)
  process.stderr.write('', flushed)
}

main(process.argv.slice(2)).then(exitAfterFlush, (err) => {
  console.error(err instanceof DubanError ? err.message : `出错了：${(err as Error).message}`)
  exitAfterFlush(1)
})
