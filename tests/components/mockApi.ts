import { vi } from 'vitest'
import { invoke } from '@/api/client'
import type { Input, Method, Output } from '../../electron/contract'

/**
 * What a mocked call answers: the data itself, or a function of the input (which may throw an ApiError).
 * Both are typed by the contract's Output<M>, so a change in the core's shape fails the typecheck here.
 */
export type Answer<M extends Method> = Output<M> | ((input: Input<M>) => Output<M> | Promise<Output<M>>)
export type Answers = { [M in Method]?: Answer<M> }

let current: Answers = {}

function install(): void {
  // The test file mocks '@/api/client' (vi.mock is hoisted per test file); this is that mock.
  vi.mocked(invoke).mockImplementation(async (method, input) => {
    const answer = current[method] as Answer<Method> | undefined
    if (answer === undefined) throw new Error(`unexpected call: ${method}`)
    return (typeof answer === 'function' ? await answer(input as Input<Method>) : answer) as Output<Method>
  })
}

/** Answers exactly these calls; any other call fails the test with its name. */
export function mockApi(answers: Answers): void {
  current = { ...answers }
  install()
}

/** Answers one more call (or answers it differently from now on), keeping the others. */
export function mockCall<M extends Method>(method: M, data: Answer<M>): void {
  current = { ...current, [method]: data }
  install()
}

/** The input the component last sent with a call, typed by the contract. */
export function lastInput<M extends Method>(method: M): Input<M> | undefined {
  const calls = vi.mocked(invoke).mock.calls.filter(([m]) => m === method)
  return calls.at(-1)?.[1] as Input<M> | undefined
}
