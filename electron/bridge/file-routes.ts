/** Evidence files as streams: POST /api/files.upload with the raw bytes, GET /files/<id> to download. */
import type { FastifyInstance } from 'fastify'
import type { Readable } from 'node:stream'
import { dispatchAuthorized, authorize, httpStatusOf } from '../contract/dispatch'
import { MAX_FILE_BYTES } from '../core/files/rules'
import { openAttachmentStream, uploadStream } from '../core/files/stream'
import { DubanError } from '../core/errors'
import { SMALL_BODY_BYTES, admitCall, bearer, sendError, type ApiDeps } from './api-routes'

const RAW = 'application/octet-stream'

function fileNameHeader(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value
  if (!raw) throw new DubanError('invalid_input', '缺少文件名（X-File-Name）')
  try {
    return decodeURIComponent(raw)
  } catch {
    throw new DubanError('invalid_input', '文件名编码不正确')
  }
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so Chinese names survive every browser. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

export async function registerFileRoutes(app: FastifyInstance, deps: ApiDeps) {
  await app.register(async (scope) => {
    // Only here may a body stay a stream: it is piped to disk, never buffered.
    scope.addContentTypeParser(RAW, (_req, payload, done) => done(null, payload))
    scope.post('/api/files.upload', {
      bodyLimit: MAX_FILE_BYTES + 1024 * 1024,
      onRequest: async (req, reply) => {
        const raw = (req.headers['content-type'] ?? '').startsWith(RAW)
        // Streams to disk hold little memory; only large (or unannounced) ones count against the cap.
        const length = req.headers['content-length']
        const large = raw && (length === undefined || Number(length) > SMALL_BODY_BYTES)
        return admitCall(deps, req, reply, 'files.upload', {
          extraTypes: [RAW],
          alwaysGate: large,
          limit: raw ? MAX_FILE_BYTES : undefined,
        })
      },
      handler: async (req, reply) => {
        const call = req.call!
        if (!(req.headers['content-type'] ?? '').startsWith(RAW)) {
          const result = await dispatchAuthorized(deps.env, 'files.upload', req.body, call.actor, call.token, deps.callerOf(req))
          return reply.code(result.ok ? 200 : httpStatusOf(result.error.code)).send(result)
        }
        try {
          const name = fileNameHeader(req.headers['x-file-name'])
          const data = await uploadStream({ ...deps.env, actor: call.actor }, { name, body: req.body as Readable })
          return reply.header('cache-control', 'no-store').send({ ok: true, data })
        } catch (err) {
          // The rest of a refused body is not wanted; closing the connection stops the sender.
          reply.header('connection', 'close')
          return sendError(reply, err)
        }
      },
    })
  })

  app.get<{ Params: { id: string } }>('/files/:id', async (req, reply) => {
    try {
      const id = Number(req.params.id)
      if (!Number.isInteger(id) || id <= 0) throw new DubanError('invalid_input', '文件编号不正确')
      const actor = await authorize(deps.env, 'files.read', bearer(req))
      const file = await openAttachmentStream({ ...deps.env, actor }, id)
      return reply
        .header('content-type', file.mime)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.stream)
    } catch (err) {
      return sendError(reply, err)
    }
  })
}
