import { describe, expect, it } from 'vitest'
import { filterToQuery, queryToFilter } from '../../src/views/tasks/query'

describe('task filters in the address', () => {
  it('reads the leader in charge and the unread-instruction switch, ignoring junk', () => {
    expect(queryToFilter({ leaderId: '3', hasUnreadInstruction: 'true', status: 'overdue' })).toEqual({
      leaderId: 3,
      hasUnreadInstruction: true,
      status: 'overdue',
    })
    expect(queryToFilter({ leaderId: '-1', hasUnreadInstruction: 'yes', status: 'late' })).toEqual({})
  })

  it('writes them back so a bookmark opens the same list, leaving out switches that are off', () => {
    expect(filterToQuery({ leaderId: 3, hasUnreadInstruction: true })).toEqual({ leaderId: '3', hasUnreadInstruction: 'true' })
    expect(filterToQuery({ leaderId: 3, hasUnreadInstruction: false })).toEqual({ leaderId: '3' })
  })

  it('carries a dashboard’s past day and a set of task ids, and ignores malformed ones', () => {
    expect(queryToFilter({ asOf: '2021-04-30', ids: '12,15,40' })).toEqual({ asOf: '2021-04-30', ids: [12, 15, 40] })
    expect(queryToFilter({ asOf: '4月30日', ids: 'a,-1,' })).toEqual({})
    expect(filterToQuery({ ids: [12, 15], asOf: '2021-04-30' })).toEqual({ ids: '12,15', asOf: '2021-04-30' })
  })
})
