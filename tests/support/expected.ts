import suzhou from '../fixtures/expected/suzhou-2021.json'

/**
 * What the hand-checked expectations (tests/fixtures/expected/suzhou-2021.json) say about the Suzhou document,
 * for suites that only need its size: they follow the fixture instead of repeating its numbers.
 */
export const SUZHOU_TASK_COUNT = suzhou.lists.reduce((n, l) => n + l.expectedCount, 0)
export const SUZHOU_LIST_COUNT = suzhou.lists.length
