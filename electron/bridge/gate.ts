import type { FastifyReply } from 'fastify'

/** At most `limit` requests inside at once; the rest are told to come back, not queued in memory. */
export interface Gate {
  enter(reply: FastifyReply): boolean
  readonly inside: number
}

export function createGate(limit: number): Gate {
  let inside = 0
  return {
    enter(reply) {
      if (inside >= limit) return false
      inside++
      let left = false
      const leave = () => {
        if (!left) inside--
        left = true
      }
      reply.raw.once('finish', leave)
      reply.raw.once('close', leave)
      return true
    },
    get inside() {
      return inside
    },
  }
}
