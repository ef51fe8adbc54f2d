/**
 * Which frameworks a board prioritizes with.
 *
 * Layout: `doc.getMap('prioritization')`, one key per framework id with a
 * boolean (on or off), so that two people turning on different frameworks
 * at once both get theirs. A framework never written is off, except MoSCoW,
 * which every board had before frameworks could be chosen.
 */
import type * as Y from 'yjs';
import { stampSchema } from '../board.js';
import { FRAMEWORKS, checkFramework, type Framework } from './frameworks.js';

export function prioritizationMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('prioritization');
}

const ON_WHEN_UNSET: ReadonlySet<Framework> = new Set(['moscow']);

/** The board's frameworks, in a fixed order. */
export function boardFrameworks(doc: Y.Doc): Framework[] {
  const settings = prioritizationMap(doc);
  return FRAMEWORKS.filter((framework) => {
    const value = settings.get(framework);
    return typeof value === 'boolean' ? value : ON_WHEN_UNSET.has(framework);
  });
}

/** Turns one framework on or off for the whole board. */
export function setFramework(doc: Y.Doc, framework: Framework, on: boolean): void {
  checkFramework(framework);
  if (typeof on !== 'boolean') throw new Error(`setFramework: on must be a boolean, got ${typeof on}`);
  doc.transact(() => {
    stampSchema(doc);
    prioritizationMap(doc).set(framework, on);
  });
}
