/**
 * Triage decisions, and the one outcome they resolve to on every replica.
 *
 * Each decision is its own entry of the request's map, `decision:<id>`, a
 * plain object naming the decision it replaced (the outcome its author
 * saw), or null for the first. The outcome follows that chain from the
 * start: among the decisions that replaced the same one (people deciding at
 * once, or offline), the one that keeps the most work wins, accepted over
 * merged over sent back over declined, then the later, then the larger id.
 * So a decision made after seeing another replaces it, and an acceptance
 * that someone may already be working on is never undone by a decision
 * made without seeing it.
 */
import type * as Y from 'yjs';

export const DECISION_PREFIX = 'decision:';

export type Triage =
  | { id: string; action: 'accepted'; itemId: string; by: string; at: number }
  | { id: string; action: 'merged'; itemId: string; by: string; at: number }
  | { id: string; action: 'needs-info'; question: string; by: string; at: number }
  | { id: string; action: 'declined'; reason: string; by: string; at: number };

type Stored = Triage & { replaces: string | null };

const KEEPS_WORK: Record<Triage['action'], number> = { accepted: 4, merged: 3, 'needs-info': 2, declined: 1 };

/** A stored decision, read leniently: anything malformed is no decision. */
function readDecision(id: string, value: unknown): Stored | null {
  if (typeof value !== 'object' || value === null) return null;
  const { action, by, at, itemId, question, reason, replaces } = value as Record<string, unknown>;
  const base = { id, by: typeof by === 'string' ? by : '', at: typeof at === 'number' ? at : 0, replaces: typeof replaces === 'string' ? replaces : null };
  if ((action === 'accepted' || action === 'merged') && typeof itemId === 'string') return { ...base, action, itemId };
  if (action === 'needs-info' && typeof question === 'string') return { ...base, action, question };
  if (action === 'declined' && typeof reason === 'string') return { ...base, action, reason };
  return null;
}

function better(a: Stored, b: Stored): Stored {
  if (KEEPS_WORK[a.action] !== KEEPS_WORK[b.action]) return KEEPS_WORK[a.action] > KEEPS_WORK[b.action] ? a : b;
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return a.id > b.id ? a : b;
}

/** The request's outcome, or null while nobody has decided. */
export function outcomeOf(request: Y.Map<unknown>): Triage | null {
  const byReplaced = new Map<string | null, Stored>();
  request.forEach((value, key) => {
    if (!key.startsWith(DECISION_PREFIX)) return;
    const decision = readDecision(key.slice(DECISION_PREFIX.length), value);
    if (decision === null) return;
    const rival = byReplaced.get(decision.replaces);
    byReplaced.set(decision.replaces, rival === undefined ? decision : better(rival, decision));
  });
  let current: Stored | null = null;
  // Each step follows a decision that replaced the current one; a chain can be no longer than the decisions.
  for (let step = 0; step <= byReplaced.size; step++) {
    const next = byReplaced.get(current?.id ?? null);
    if (next === undefined) break;
    current = next;
  }
  if (current === null) return null;
  const { replaces: _replaces, ...outcome } = current;
  return outcome;
}
