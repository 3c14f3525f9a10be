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
