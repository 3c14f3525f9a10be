/**
 * Shapes the renderer needs by name (beyond Input<M> and Output<M>): the import draft it edits,
 * the preview it shows, the indicators a report fills in. The renderer imports them from here,
 * never from electron/core (eslint forbids it), so the contract stays the one vocabulary.
 */
export type { ListDraft, ParseWarning, PlanDraft, PlanMeta, TaskDraft, TaskLinkDraft, TaskRef } from '../core/importers/types'
export type { CommitResult, ImportPreview, UnitMapping } from '../core/imports/types'
export type { TaskIndicator } from '../core/tasks/service'
export type { TaskStatus } from './vocabulary'
