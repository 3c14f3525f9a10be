import { DEFAULT_TIME_ZONE } from '../../electron/contract/vocabulary'

let zone: string = DEFAULT_TIME_ZONE

/** The bureau's zone: stored timestamps are shown as its wall clock reads them, wherever the browser is. */
export const displayTimeZone = (): string => zone

/** Follow the bureau's setting (本局信息) once it is known. */
export function useDisplayTimeZone(timeZone: string): void {
  zone = timeZone
}
