/** The server's certificate: the bureau's own files, or one made on first start and kept in the data folder. */
import { X509Certificate } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname, networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { generate } from 'selfsigned'

export interface TlsMaterial {
  cert: string
  key: string
  /** SHA-256 of the DER certificate as AA:BB:…, what a browser shows and a client pins */
  fingerprint: string
  selfSigned: boolean
  certPath: string
}

export const SELF_SIGNED_DIR = 'tls'

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256
}

/** Every IPv4/IPv6 address of this machine: the names a self-signed certificate should cover. */
export function ownAddresses(): string[] {
  const out: string[] = []
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) out.push(a.address)
  return out
}

async function makeSelfSigned(dir: string): Promise<void> {
  const now = new Date()
  const name = hostname()
  const pems = await generate([{ name: 'commonName', value: `督办台 ${name}` }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 24 * 3600_000),
    notAfterDate: new Date(now.getTime() + 10 * 365 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [{ type: 2, value: name }, { type: 2, value: 'localhost' }, ...ownAddresses().map((ip) => ({ type: 7 as const, ip }))],
      },
    ],
  })
  mkdirSync(dir, { recursive: true })
  // the key first and readable by the owner only: a crash between the two writes leaves no usable pair
  writeFileSync(join(dir, 'server.key'), pems.private, { mode: 0o600 })
  writeFileSync(join(dir, 'server.crt'), pems.cert)
}

/** Loads DUBAN_TLS_CERT/KEY when given, otherwise the data folder's own certificate, made once. */
export async function loadTls(opts: {
  certFile?: string
  keyFile?: string
  dataDir: string
}): Promise<TlsMaterial & { generated: boolean }> {
  if (opts.certFile && opts.keyFile) {
    const cert = readFileSync(opts.certFile, 'utf8')
    return {
      cert,
      key: readFileSync(opts.keyFile, 'utf8'),
      fingerprint: fingerprintOf(cert),
      selfSigned: false,
      certPath: opts.certFile,
      generated: false,
    }
  }
  const dir = join(opts.dataDir, SELF_SIGNED_DIR)
  const certPath = join(dir, 'server.crt')
  const keyPath = join(dir, 'server.key')
  let generated = false
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    await makeSelfSigned(dir)
    generated = true
  }
  const cert = readFileSync(certPath, 'utf8')
  return { cert, key: readFileSync(keyPath, 'utf8'), fingerprint: fingerprintOf(cert), selfSigned: true, certPath, generated }
}
