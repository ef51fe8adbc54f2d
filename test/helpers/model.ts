/** Small boards and a refusal check for the model's unit tests. */
import { expect } from 'vitest';
import * as Y from 'yjs';
import { addItem } from '../../shared/index.js';

/** A board with one item per name, and each name's item id. */
export function board(...names: string[]): { doc: Y.Doc; ids: Record<string, string> } {
  const doc = new Y.Doc();
  const ids: Record<string, string> = {};
  for (const name of names) ids[name] = addItem(doc, { title: name });
  return { doc, ids };
}

/** Runs `action`, expects it to throw a message matching `message`, and checks the document did not change. */
export function expectRejected(doc: Y.Doc, action: () => void, message: RegExp): void {
  const before = Y.encodeStateVector(doc);
  expect(action).toThrow(message);
  expect(Y.encodeStateVector(doc)).toEqual(before);
}
