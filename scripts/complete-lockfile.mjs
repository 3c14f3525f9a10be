// Our npm mirror serves only the Linux builds of some native packages, so `npm install` here writes a
// lock file without the other platforms' optional packages, and `npm ci` then refuses it as out of step.
// This adds the missing optional platform entries (version, os, cpu, libc) from the parent's own
// optionalDependencies, exactly as npm writes them on a machine that reaches the whole registry.
// Run after `npm install` changes the lock file: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs'

const PLATFORM = [
  [/android-arm64/, { os: ['android'], cpu: ['arm64'] }],
  [/darwin-arm64/, { os: ['darwin'], cpu: ['arm64'] }],
  [/darwin-x64/, { os: ['darwin'], cpu: ['x64'] }],
  [/linux-arm-gnueabihf/, { os: ['linux'], cpu: ['arm'] }],
  [/linux-arm64-gnu/, { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] }],
  [/linux-arm64-musl/, { os: ['linux'], cpu: ['arm64'], libc: ['musl'] }],
  [/linux-riscv64-gnu/, { os: ['linux'], cpu: ['riscv64'], libc: ['glibc'] }],
  [/linux-x64-gnu/, { os: ['linux'], cpu: ['x64'], libc: ['glibc'] }],
  [/linux-x64-musl/, { os: ['linux'], cpu: ['x64'], libc: ['musl'] }],
  [/win32-arm64-msvc/, { os: ['win32'], cpu: ['arm64'] }],
  [/win32-x64-msvc/, { os: ['win32'], cpu: ['x64'] }],
]

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(file, 'utf8'))
let added = 0
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`
    if (lock.packages[key] || lock.packages[`${path}/${key}`]) continue
    const platform = PLATFORM.find(([re]) => re.test(name))
    if (!platform) continue
    lock.packages[key] = { version, ...platform[1], optional: true }
    added++
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))))
lock.packages = sorted
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
console.log(`added ${added} optional platform entries`)
