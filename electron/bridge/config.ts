/** The bureau server's settings, read from the environment, and what is wrong with them (serve --check). */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'

export interface ServeConfig {
  host: string
  port: number
  dataDir: string
  /** null: plain HTTP */
  tls: { certFile?: string; keyFile?: string } | null
  allowHttp: boolean
  /** names and addresses people use to reach the server, besides its own addresses and loopback */
  allowedHosts: string[]
  rateLimitPerMinute: number
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost'])
export const isLoopbackHost = (host: string) => LOOPBACK_HOSTS.has(host) || host.startsWith('127.')
export const isLoopbackAddress = (addr: string | undefined) =>
  !!addr && (addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.'))

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)

export function readServeConfig(env: NodeJS.ProcessEnv, defaultDataDir: string): ServeConfig {
  const tlsOff = ['0', 'off', 'false', 'no'].includes((env.DUBAN_TLS ?? '').toLowerCase())
  return {
    host: env.DUBAN_HOST || '0.0.0.0',
    port: Number(env.DUBAN_PORT || 5180),
    dataDir: env.DUBAN_DATA_DIR || defaultDataDir,
    tls: tlsOff ? null : { certFile: env.DUBAN_TLS_CERT || undefined, keyFile: env.DUBAN_TLS_KEY || undefined },
    allowHttp: env.DUBAN_ALLOW_HTTP === '1',
    allowedHosts: list(env.DUBAN_ALLOWED_HOSTS),
    rateLimitPerMinute: Number(env.DUBAN_RATE_LIMIT || 1200),
  }
}

function portFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, host, () => probe.close(() => resolve(true)))
  })
}

/** Every problem that would stop the server or make it unsafe, in Chinese; empty when all is well. */
export async function configProblems(c: ServeConfig, opts: { checkPort: boolean }): Promise<string[]> {
  const problems: string[] = []
  if (!Number.isInteger(c.port) || c.port < 1 || c.port > 65535) problems.push(`端口“${c.port}”无效（DUBAN_PORT 应为 1–65535）`)
  if (!c.tls && !isLoopbackHost(c.host) && !c.allowHttp) {
    problems.push(
      `未加密的 HTTP 只允许在本机地址（127.0.0.1）上使用；监听 ${c.host} 时请启用 HTTPS（去掉 DUBAN_TLS=off），确需明文时设置 DUBAN_ALLOW_HTTP=1`,
    )
  }
  if (c.tls) {
    if (!!c.tls.certFile !== !!c.tls.keyFile) problems.push('DUBAN_TLS_CERT 与 DUBAN_TLS_KEY 须同时设置')
    for (const [name, file] of [
      ['DUBAN_TLS_CERT', c.tls.certFile],
      ['DUBAN_TLS_KEY', c.tls.keyFile],
    ] as const) {
      if (file && !existsSync(file)) problems.push(`${name} 指定的文件不存在：${file}`)
    }
  }
  try {
    mkdirSync(c.dataDir, { recursive: true })
    accessSync(c.dataDir, constants.W_OK)
    if (existsSync(join(c.dataDir, 'duban.db'))) accessSync(join(c.dataDir, 'duban.db'), constants.W_OK)
  } catch {
    problems.push(`数据目录不可写：${c.dataDir}`)
  }
  if (opts.checkPort && Number.isInteger(c.port) && !(await portFree(c.host, c.port))) {
    problems.push(`端口 ${c.port} 已被占用（${c.host}），请先停止占用它的程序或改用 DUBAN_PORT`)
  }
  return problems
}

/** What serve --check prints first: the configuration in effect. */
export function describeConfig(c: ServeConfig): string[] {
  const scheme = c.tls ? 'https' : 'http'
  return [
    `监听地址：${c.host}:${c.port}（${scheme}）`,
    `数据目录：${c.dataDir}`,
    c.tls
      ? c.tls.certFile
        ? `证书：${c.tls.certFile}；私钥：${c.tls.keyFile ?? '（未设置）'}`
        : `证书：自签名（首次启动时生成于 ${join(c.dataDir, 'tls')}）`
      : `加密：关闭${c.allowHttp ? '（DUBAN_ALLOW_HTTP=1）' : ''}`,
    `允许的主机名：${c.allowedHosts.length ? c.allowedHosts.join('、') : '（仅本机地址与 localhost）'}`,
    `每个地址每分钟请求上限：${c.rateLimitPerMinute}`,
  ]
}
