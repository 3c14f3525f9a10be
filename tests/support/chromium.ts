import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import type { Browser, LaunchOptions } from 'playwright-core'

const NAMES = ['chromium', 'chromium-browser']

const HOW_TO_INSTALL =
  'Browser tests need Chromium and CJK fonts: install them with `apt-get install -y chromium fonts-noto-cjk` ' +
  '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium executable.'

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/**
 * The one way the tests find a browser: CHROMIUM_PATH, then `chromium` or `chromium-browser` on PATH.
 * No browser is an error, not a skip: a green run must mean the browser tests ran.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROMIUM_PATH?.trim()
  if (configured) {
    if (isExecutable(configured)) return configured
    throw new Error(`CHROMIUM_PATH=${configured} is not an executable file. ${HOW_TO_INSTALL}`)
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const candidate = join(dir, name)
      if (isExecutable(candidate)) return candidate
    }
  }
  throw new Error(`No Chromium found (looked for ${NAMES.join(' / ')} on PATH). ${HOW_TO_INSTALL}`)
}

/** Flags that keep a headless Chromium from reaching out to the network. */
export const QUIET_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** The system Chromium through playwright-core, headless and quiet. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  return chromium.launch({ ...options, executablePath: findChromium(), args: [...QUIET_ARGS, ...(options.args ?? [])] })
}
