/**
 * Evidence over the bureau server as streams: an upload goes straight to a temporary file (never whole
 * in memory), is checked by its first and last bytes, and becomes a blob only when its record commits.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Ctx } from '../context'
import { DubanError } from '../errors'
import { inTransaction } from '../audit/service'
import { requireRole } from '../users/rules'
import type { AttachmentView } from '../reports/queries'
import { MAX_FILE_BYTES, checkSize, classifyFile, cleanFileName } from './rules'
import { blobPath, commitStaged, discardStaged, type StagedFile } from './store'
import { assertMayReadAttachment, insertAttachment } from './service'

const EDGE_BYTES = 64 * 1024
const tooLarge = () => new DubanError('file_too_large', `文件超过${MAX_FILE_BYTES / 1024 / 1024}MB，请压缩后再上传`)

/** Writes a stream to files/tmp, hashing and counting as it goes; stops at the size limit. */
export async function stageStream(dir: string, name: string, body: Readable): Promise<StagedFile> {
  const fileName = cleanFileName(name)
  const tmpDir = join(dir, 'tmp')
  mkdirSync(tmpDir, { recursive: true })
  const tempPath = join(tmpDir, `upload.${randomBytes(8).toString('hex')}.part`)
  const hash = createHash('sha256')
  let size = 0
  let head = Buffer.alloc(0)
  let tail = Buffer.alloc(0)
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      if (size > MAX_FILE_BYTES) return done(tooLarge())
      hash.update(chunk)
      if (head.length < EDGE_BYTES) head = Buffer.concat([head, chunk.subarray(0, EDGE_BYTES - head.length)])
      tail = Buffer.concat([tail, chunk]).subarray(-EDGE_BYTES)
      done(null, chunk)
    },
  })
  try {
    await pipeline(body, meter, createWriteStream(tempPath))
    checkSize(size)
    // A docx/xlsx names its parts in the central directory at the end; the magic bytes are at the start.
    const { mime } = classifyFile(fileName, size <= EDGE_BYTES ? head : Buffer.concat([head, tail]))
    return { sha256: hash.digest('hex'), fileName, mime, size, tempPath }
  } catch (err) {
    rmSync(tempPath, { force: true })
    const code = (err as { code?: string }).code
    if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (err as Error).message === 'aborted') {
      throw new DubanError('upload_aborted', '上传中断，文件未保存，请重新上传')
    }
    throw err
  }
}

/** files.upload as a stream: the same record, audit and permission as the JSON call. */
export async function uploadStream(ctx: Ctx, input: { name: string; body: Readable }): Promise<AttachmentView> {
  requireRole(ctx.actor, ['admin', 'office', 'unit_head', 'unit_staff'])
  const staged = await stageStream(ctx.files.dir, input.name, input.body)
  let id: number
  try {
    id = await inTransaction(ctx, (trx) => insertAttachment(trx, ctx, staged, null))
  } catch (err) {
    discardStaged([staged])
    throw err
  }
  commitStaged(ctx.files.dir, [staged])
  const a = await ctx.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  return { id: a.id, reportId: a.report_id, fileName: a.file_name, mime: a.mime, size: a.size, createdAt: a.created_at }
}

/** files.read as a stream: checked exactly as files.read, then the blob is opened, not loaded. */
export async function openAttachmentStream(ctx: Ctx, attachmentId: number) {
  const a = await assertMayReadAttachment(ctx, attachmentId)
  const path = blobPath(ctx.files.dir, a.sha256)
  const stream = createReadStream(path)
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve())
    stream.once('error', () => reject(new DubanError('file_missing', '文件已丢失，请联系管理员检查数据目录')))
  })
  return { fileName: a.file_name, mime: a.mime, size: a.size, stream }
}
