/** An error the office worker can read. Transports send only { code, message }. */
export class DubanError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message)
    this.name = 'DubanError'
  }
}

export const denied = (message = '您没有权限执行此操作') => new DubanError('forbidden', message)
export const notFound = (what: string) => new DubanError('not_found', `${what}不存在或已被删除`)
