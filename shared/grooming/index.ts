/** Grooming sessions and planning poker: the public API (docs/poker.md, docs/document-format.md#grooming-sessions). */
export * from './decks.js';
export * from './stats.js';
export { elapsed, remaining, isRunning, type TimerState } from './timer.js';
export * from './seal.js';
export * from './session.js';
export * from './rounds.js';
export * from './summary.js';
export * from './protected-places.js';
