import { invoke } from './client'
import type { Output } from '../../electron/contract'

export type ConnectionView = Output<'desktop.connection'>
export type ServerProbe = Output<'desktop.probeServer'>

/** Only the desktop app chooses where it connects; in a browser the page is already on its server. */
export const isDesktop = () => typeof window !== 'undefined' && !!window.duban?.invoke

let known: Promise<ConnectionView> | null = null

export function desktopConnection(fresh = false): Promise<ConnectionView | null> {
  if (!isDesktop()) return Promise.resolve(null)
  if (fresh || !known) known = invoke('desktop.connection', {})
  return known
}
