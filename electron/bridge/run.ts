/**
 * Starting and stopping the server as a process: configuration checks, certificate, setup code,
 * the banner people read, graceful shutdown, and a last line of defence for unexpected errors.
 */
import { hostname, networkInterfaces } from 'node:os'
import { openCore } from '../core/app'
import { issueSetupCode } from '../core/security/setup-code'
import type { ServerInfo } from '../core/security/server-info'
import { configProblems, describeConfig, isLoopbackHost, type ServeConfig } from './config'
import { loadTls, ownAddresses } from './tls'
import { LOG_REDACT, startBridge, type RawRoute } from './server'
import { rawRoutesFor } from './raw-routes'
import { startBackupScheduler } from '../core/backup/scheduler'
import { startEscalationScheduler } from '../core/escalation/scheduler'

export interface RunOptions {
  config: ServeConfig
  staticRoot?: string
  /** 'loopback': npm run web, the browser twin on 127.0.0.1; 'server': the bureau server */
  mode: 'server' | 'loopback'
  demoSample?: string
  rawRoutes?: RawRoute[]
  /** where banner lines go (the console) */
  print?: (line: string) => void
}

/** The addresses people type: every non-internal IPv4 address of this machine when bound to all. */
function publicUrls(c: ServeConfig, port: number): string[] {
  const scheme = c.tls ? 'https' : 'http'
  if (c.host !== '0.0.0.0' && c.host !== '::') return [`${scheme}://${c.host.includes(':') ? `[${c.host}]` : c.host}:${port}`]
  const ips = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address)
  return [...ips, hostname()].map((h) => `${scheme}://${h}:${port}`)
}

export async function runServer(opts: RunOptions) {
  const print = opts.print ?? ((line: string) => console.log(line))
  const c = opts.config
  const problems = await configProblems(c, { checkPort: false })
  if (problems.length) throw new Error(`无法启动督办台服务器：\n- ${problems.join('\n- ')}`)
  if (!c.tls && !isLoopbackHost(c.host))
    print(`警告：服务器以未加密的 HTTP 在 ${c.host} 上运行（DUBAN_ALLOW_HTTP=1），密码与数据将以明文在网络上传输`)

  const core = await openCore({ dataDir: c.dataDir, demoSample: opts.demoSample })
  try {
    const tls = c.tls ? await loadTls({ certFile: c.tls.certFile, keyFile: c.tls.keyFile, dataDir: c.dataDir }) : null
    const info: ServerInfo = {
      mode: opts.mode,
      urls: [],
      tls: !!tls,
      fingerprint: tls?.fingerprint ?? null,
      selfSigned: tls?.selfSigned ?? false,
      dataDir: c.dataDir,
      startedAt: new Date().toISOString(),
    }
    const logger =
      opts.mode === 'server' ? { level: process.env.DUBAN_LOG_LEVEL || 'info', redact: LOG_REDACT } : { level: 'warn', redact: LOG_REDACT }
    const env = { ...core, server: info }
    const started = await startBridge({
      env,
      staticRoot: opts.staticRoot,
      host: c.host,
      port: c.port,
      tls: tls ?? undefined,
      allowedHosts: opts.mode === 'server' ? [...c.allowedHosts, ...ownAddresses(), hostname().toLowerCase()] : c.allowedHosts,
      rateLimitPerMinute: opts.mode === 'server' ? c.rateLimitPerMinute : false,
      compress: opts.mode === 'server',
      logger,
      rawRoutes: opts.rawRoutes ?? rawRoutesFor(env),
    })
    const port = Number(new URL(started.url).port)
    info.urls = opts.mode === 'server' ? publicUrls(c, port) : [started.url]
    if (tls) {
      if (tls.generated) print(`已生成自签名证书：${tls.certPath}`)
      print(`证书 SHA-256 指纹：${tls.fingerprint}`)
      print('首次连接时请核对浏览器或客户端显示的指纹与此一致。')
    }
    const code = await issueSetupCode(core.db)
    if (code) print(`尚未设置系统管理员。在其他电脑上设置时需输入一次性设置码：${code}`)
    print(`督办台已启动：${started.url}  （数据目录：${c.dataDir}）`)
    if (opts.mode === 'server') print(`局域网访问地址：${info.urls.join('  ')}`)

    const backups = startBackupScheduler(core, { log: print })
    const escalation = startEscalationScheduler(core, { log: print })
    let closing: Promise<void> | null = null
    const close = () => {
      // In-flight requests finish (and their transactions commit), and a backup in flight is completed,
      // before the database closes.
      escalation.stop()
      core.events.close() // ends the open event streams, so the server can close
      closing ??= Promise.all([started.close(), backups.stop()]).then(() => core.close())
      return closing
    }
    return { url: started.url, app: started.app, info, close }
  } catch (err) {
    await core.close()
    throw err
  }
}

/** SIGTERM/SIGINT end the process only after in-flight writes finish (or after 10 s at the latest). */
export function installProcessHandlers(close: () => Promise<void>, log: (msg: string, err?: unknown) => void) {
  const stop = (signal: string) => {
    log(`收到 ${signal}，正在停止（等待进行中的请求完成）……`)
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    void close().then(
      () => process.exit(0),
      (err) => {
        log('停止时出错', err)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  // Request errors never get here (Fastify answers them). Anything that does is a bug in process state:
  // log it and stop cleanly, and let the service manager (systemd Restart=on-failure) start afresh.
  process.on('uncaughtException', (err) => {
    log('未捕获的异常，服务器将安全停止并由服务管理器重启', err)
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    void close().finally(() => process.exit(1))
  })
  // A stray rejected promise does not corrupt state: log it and keep serving.
  process.on('unhandledRejection', (err) => log('未处理的 Promise 拒绝（服务器继续运行）', err))
}

/** serve --check: the configuration in effect and everything wrong with it; exit code 1 when anything is. */
export async function checkServer(c: ServeConfig, print: (line: string) => void): Promise<number> {
  for (const line of describeConfig(c)) print(line)
  const problems = await configProblems(c, { checkPort: true })
  if (!problems.length) {
    print('检查通过：可以启动。')
    return 0
  }
  print('发现以下问题：')
  for (const p of problems) print(`- ${p}`)
  return 1
}
