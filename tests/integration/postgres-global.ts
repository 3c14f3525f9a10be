import { assertPostgresReachable } from '../support/postgres'

/** The PostgreSQL run of the integration suite fails at once, with how to start a server, when none answers. */
export default async function setup() {
  await assertPostgresReachable()
}
