/** `cli -- migrate-to-postgres --from DATA_DIR --to URL`: a bureau's SQLite database moved to a PostgreSQL server. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DB_FILE } from '../core/app'
import { openDatabase } from '../core/db/connection'
import { openPostgres } from '../core/db/postgres'
import { copyToPostgres } from '../core/db/copy-to-postgres'
import { redactUrl } from '../core/db/engine'
import { DubanError } from '../core/errors'

export async function runMigrateToPostgres(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' } } })
  if (!values.from || !values.to || !/^postgres(ql)?:\/\//i.test(values.to))
    throw new DubanError(
      'usage',
      '用法：npm run --silent cli -- migrate-to-postgres --from 数据目录 --to postgres://用户:密码@主机:5432/数据库',
    )
  const file = join(values.from, DB_FILE)
  if (!existsSync(file)) throw new DubanError('not_found', `数据目录中没有数据库：${file}`)
  const source = openDatabase(file)
  try {
    const target = await openPostgres(values.to)
    try {
      const log = (m: string) => process.stderr.write(`${m}\n`)
      const copies = await copyToPostgres(source, target, log)
      for (const c of copies) process.stdout.write(`  ${c.table.padEnd(20)} ${String(c.rows).padStart(9)} 行  校验 ${c.checksum}\n`)
      const rows = copies.reduce((n, c) => n + c.rows, 0)
      process.stdout.write(
        `已迁移到 ${redactUrl(values.to)}：${copies.length} 个表，共 ${rows} 行，行数与校验和全部一致。\n` +
          `佐证材料仍在 ${join(values.from, 'files')}：启动服务器时令 DUBAN_DATA_DIR=${values.from}（或把 files/ 复制到新的数据目录），并设 DUBAN_DATABASE_URL。\n`,
      )
      return 0
    } finally {
      await target.close()
    }
  } finally {
    await source.close()
  }
}
