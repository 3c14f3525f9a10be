/** Who is on the other end of a call, as the transport saw it. The core never guesses this itself. */
export interface Caller {
  /** the peer's IP address over HTTP; 'ipc' for the Electron window */
  remoteAddress: string
  /** the machine itself: the Electron window, or a loopback connection to a loopback-bound server */
  local: boolean
  userAgent?: string | null
}

/** The Electron window and the command line run on the machine itself. */
export const LOCAL_CALLER: Caller = { remoteAddress: 'ipc', local: true, userAgent: '督办台桌面程序' }
/** When a transport does not say, assume the least: a remote caller. */
export const UNKNOWN_CALLER: Caller = { remoteAddress: 'unknown', local: false }
