import { randomBytes, scryptSync, timingSafeEqual, createHash } from 'node:crypto'

export function newSalt(): string {
  return randomBytes(16).toString('hex')
}

export function hashPassword(password: string, salt: string): string {
  return scryptSync(password, salt, 64).toString('hex')
}

export function verifyPassword(password: string, salt: string, hash: string): boolean {
  const given = Buffer.from(hashPassword(password, salt), 'hex')
  const stored = Buffer.from(hash, 'hex')
  return given.length === stored.length && timingSafeEqual(given, stored)
}

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Only a hash of a session token is stored, so a copied database file opens no sessions. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

// No 0/O, 1/l/I: a one-time password is read off a screen or a sheet and typed by hand.
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ'
const DIGITS = '23456789'

/** A 10-character one-time password with letters and digits, which meets the strength rule. */
export function oneTimePassword(): string {
  const pick = (alphabet: string, n: number) => [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join('')
  return pick(LETTERS, 3) + pick(DIGITS, 2) + pick(LETTERS, 3) + pick(DIGITS, 2)
}
