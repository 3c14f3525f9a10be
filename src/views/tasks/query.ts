import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { Input } from '../../../electron/contract'
import { isTaskStatus } from '../../../electron/contract/vocabulary'

/**
 * The task filters the address carries, so a dashboard click or a bookmark opens the same list:
 * the contract's tasks.list input without the plan (the page knows it) and the overdue flag (not offered here).
 */
export type TaskQuery = Omit<Input<'tasks.list'>, 'planId' | 'overdue'>

function first(v: LocationQuery[string]): string | undefined {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' && s !== '' ? s : undefined
}

function positiveInt(v: LocationQuery[string]): number | undefined {
  const s = first(v)
  if (!s || !/^\d+$/.test(s)) return undefined
  const n = Number(s)
  return n > 0 ? n : undefined
}

export function queryToFilter(query: LocationQuery): TaskQuery {
  const out: TaskQuery = {}
  const listId = positiveInt(query.listId)
  const sectionId = positiveInt(query.sectionId)
  const unitId = positiveInt(query.unitId)
  const unitRole = first(query.unitRole)
  const status = first(query.status)
  const q = first(query.q)?.trim().slice(0, 100)
  const leaderId = positiveInt(query.leaderId)
  if (listId) out.listId = listId
  if (sectionId) out.sectionId = sectionId
  if (unitId) out.unitId = unitId
  if (unitId && (unitRole === 'lead' || unitRole === 'any')) out.unitRole = unitRole
  if (status && isTaskStatus(status)) out.status = status
  if (q) out.q = q
  if (leaderId) out.leaderId = leaderId
  if (first(query.hasUnreadInstruction) === 'true') out.hasUnreadInstruction = true
  const asOf = first(query.asOf)
  if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) out.asOf = asOf
  const ids = first(query.ids)
    ?.split(',')
    .filter((x) => /^\d+$/.test(x))
    .map(Number)
    .filter((n) => n > 0)
    .slice(0, 1000)
  if (ids?.length) out.ids = ids
  return out
}

export function filterToQuery(filter: TaskQuery): LocationQueryRaw {
  const out: LocationQueryRaw = {}
  for (const [k, v] of Object.entries(filter))
    if (v !== undefined && v !== '' && v !== null && v !== false) out[k] = Array.isArray(v) ? v.join(',') : String(v)
  return out
}
