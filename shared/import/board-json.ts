/**
 * This board's own JSON export (export/export.ts) back in. Items keep their
 * ids (and so their epics), their order comes from the file's order, and
 * their source stays what it was, or becomes `board` with the item's id.
 */
import { BOARD_JSON_FORMAT } from '../export/export.js';
import { Warnings, cleanDescription, cleanLabels, cleanTitle, parseEstimate } from './fields.js';
import { ITEM_KINDS, ITEM_STATUSES, PRIORITIES, type ItemKind, type ItemStatus, type Priority } from '../schema.js';
import { readItemSource } from './source.js';
import { SCORE_INPUTS, checkScoreInputs, type ScoreInputs } from '../prioritization/inputs.js';
import type { ImportIssue, ItemSource, PlannedItem } from './types.js';

export function planBoardJson(data: unknown, warnings: Warnings): { items: PlannedItem[]; errors: ImportIssue[] } {
  const file = data as { format?: unknown; items?: unknown };
  if (typeof data !== 'object' || data === null || file.format !== BOARD_JSON_FORMAT || !Array.isArray(file.items)) {
    return { items: [], errors: [{ row: null, message: `not a board export: expected {"format": "${BOARD_JSON_FORMAT}", "items": [...]}` }] };
  }
  const items: PlannedItem[] = [];
  const sourceKey = new Map<string, ItemSource>();
  file.items.forEach((raw: unknown, index) => {
    const row = index + 1;
    const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const title = cleanTitle(typeof entry.title === 'string' ? entry.title : '', row, warnings);
    if (title === null || typeof entry.id !== 'string' || entry.id === '') {
      if (title !== null) warnings.add(row, 'item without an id: skipped');
      return;
    }
    const source = readItemSource(entry.source) ?? { system: 'board', key: entry.id };
    sourceKey.set(entry.id, source);
    const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined => (allowed as readonly unknown[]).includes(value) ? (value as T) : undefined;
    const criteria = Array.isArray(entry.acceptanceCriteria)
      ? entry.acceptanceCriteria.flatMap((criterion: unknown) => {
          const { text, done } = (criterion ?? {}) as { text?: unknown; done?: unknown };
          return typeof text === 'string' ? [{ text, done: done === true }] : [];
        })
      : [];
    items.push({
      row,
      source,
      fields: {
        title,
        description: cleanDescription(typeof entry.description === 'string' ? entry.description : '', row, warnings),
        kind: oneOf<ItemKind>(entry.kind, ITEM_KINDS),
        status: oneOf<ItemStatus>(entry.status, ITEM_STATUSES),
        priority: entry.priority === null ? null : oneOf<Priority>(entry.priority, PRIORITIES),
        estimate: typeof entry.estimate === 'string' ? entry.estimate : parseEstimate(typeof entry.estimate === 'number' ? entry.estimate : null, row, warnings),
        labels: cleanLabels(Array.isArray(entry.labels) ? entry.labels.filter((label): label is string => typeof label === 'string') : [], row, warnings),
        acceptanceCriteria: criteria,
        archived: entry.archived === true,
        ...readScoreInputsEntry(entry.scoreInputs, row, warnings),
        ...(typeof entry.createdAt === 'number' ? { createdAt: entry.createdAt } : {}),
        ...(typeof entry.updatedAt === 'number' ? { updatedAt: entry.updatedAt } : {}),
      },
      parentKey: typeof entry.parent === 'string' ? entry.parent : null,
    });
  });
  // Parents are given by id in the file: as keys, in the parent's own system.
  for (const item of items) {
    if (item.parentKey === null) continue;
    const parent = sourceKey.get(item.parentKey);
    item.parentKey = parent?.key ?? null;
    if (parent !== undefined && parent.system !== item.source.system) item.parentSystem = parent.system;
  }
  return { items, errors: [] };
}

/** An entry's prioritization inputs: each one that is on its scale; the others are left out with a warning. */
function readScoreInputsEntry(raw: unknown, row: number, warnings: Warnings): { scoreInputs?: Partial<ScoreInputs> } {
  if (typeof raw !== 'object' || raw === null) return {};
  const inputs: Partial<ScoreInputs> = {};
  for (const [input, value] of Object.entries(raw)) {
    try {
      checkScoreInputs({ [input]: value });
      if (value !== null) inputs[input as (typeof SCORE_INPUTS)[number]] = value as number;
    } catch (error) {
      warnings.add(row, `${(error as Error).message}: left out`);
    }
  }
  return Object.keys(inputs).length > 0 ? { scoreInputs: inputs } : {};
}
