/** Content-addressed storage under ctx.files.dir: a file's path is its SHA-256, never its name. */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DubanError } from '../errors'
import { base64DecodedSize, checkSize, classifyFile, cleanFileName } from './rules'

export interface StagedFile {
  sha256: string
  fileName: string
  mime: string
  size: number
  /** written before the transaction, renamed into place only after it commits */
  tempPath: string
}

const SHA = /^[0-9a-f]{64}$/

export function blobPath(dir: string, sha256: string): string {
  if (!SHA.test(sha256)) throw new DubanError('invalid_input', '文件标识不正确')
  return join(dir, sha256.slice(0, 2), sha256)
}

/** Checks and writes an upload to a temporary name. Nothing is visible in the store yet. */
export function stageFile(dir: string, input: { name: string; dataBase64: string }): StagedFile {
  checkSize(base64DecodedSize(input.dataBase64))
  const bytes = Buffer.from(input.dataBase64, 'base64')
  const fileName = cleanFileName(input.name)
  const { mime } = classifyFile(fileName, bytes)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const tmpDir = join(dir, 'tmp')
  mkdirSync(tmpDir, { recursive: true })
  const tempPath = join(tmpDir, `${sha256}.${randomBytes(6).toString('hex')}.part`)
  writeFileSync(tempPath, bytes)
  return { sha256, fileName, mime, size: bytes.byteLength, tempPath }
}

/** After the commit: the same bytes are stored once, so an existing blob wins and the temp file goes. */
export function commitStaged(dir: string, staged: readonly StagedFile[]): void {
  for (const s of staged) {
    const target = blobPath(dir, s.sha256)
    if (existsSync(target)) {
      rmSync(s.tempPath, { force: true })
      continue
    }
    mkdirSync(join(dir, s.sha256.slice(0, 2)), { recursive: true })
    renameSync(s.tempPath, target)
  }
}

export function discardStaged(staged: readonly StagedFile[]): void {
  for (const s of staged) rmSync(s.tempPath, { force: true })
}

export function readBlob(dir: string, sha256: string): Buffer {
  const path = blobPath(dir, sha256)
  if (!existsSync(path)) throw new DubanError('file_missing', '文件已丢失，请联系管理员检查数据目录')
  return readFileSync(path)
}

/** Every stored blob's hash, for the consistency check (orphans, missing files). */
export function listBlobs(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const prefix of readdirSync(dir)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue
    for (const f of readdirSync(join(dir, prefix))) if (SHA.test(f)) out.push(f)
  }
  return out
}

/** Runs a write with staged uploads: files appear only if the transaction commits. */
export async function withStagedFiles<T>(
  dir: string,
  uploads: readonly { name: string; dataBase64: string }[],
  write: (staged: StagedFile[]) => Promise<T>,
): Promise<T> {
  const staged: StagedFile[] = []
  try {
    for (const u of uploads) staged.push(stageFile(dir, u))
    const result = await write(staged)
    commitStaged(dir, staged)
    return result
  } catch (err) {
    discardStaged(staged)
    throw err
  }
}
