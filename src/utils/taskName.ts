/** How a task is named on screen: the contract's one rule (its code, else list and number), so screen and documents agree. */
export { taskLabel as taskName } from '../../electron/contract/taskLabel'
