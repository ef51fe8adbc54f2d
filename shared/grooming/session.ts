/**
 * A grooming session: the refinement meeting, kept in the board document so
 * that it goes on when anyone (the facilitator too) leaves or reloads.
 *
 *   doc.getMap('grooming').get('session')  Y.Map:
 *     id, startedAt, endedAt             relay time, ms
 *     facilitator                        participant id
 *     participants                       Y.Map id -> { name, role: 'voter' | 'observer' }
 *     agenda                             Y.Array of item ids, in order
 *     focus, focusSince                  the item under discussion, since when
 *     spent                              Y.Map item id -> ms spent on it so far
 *     outcomes                           Y.Map item id -> 'estimated' | 'split' | 'needs-info' | 'skipped'
 *     itemTimer, meetingTimer            TimerState (timer.ts)
 *     itemTimeboxMs                      the timebox each item starts with
 *     deck                               DeckChoice (decks.ts)
 *     autoReveal                         boolean
 *     currentRound                       id of the poker round in progress or last revealed
 *
 * Times are on the relay's clock: callers pass `now` from the clock they
 * corrected against the relay.
 */
import * as Y from 'yjs';
import { itemsMap } from '../board.js';
import { newId } from '../ids.js';
import { requireItem } from '../ordering.js';
import { DECK_IDS, checkCustomDeck, type DeckChoice } from './decks.js';
import { STOPPED, addTime, pause, readTimer, reset, start, type TimerState } from './timer.js';

export type Role = 'voter' | 'observer';
export type Outcome = 'estimated' | 'split' | 'needs-info' | 'skipped';
export const OUTCOMES: Outcome[] = ['estimated', 'split', 'needs-info', 'skipped'];
export type TimerAction = 'start' | 'pause' | 'add-minute' | 'reset';

export interface Participant {
  id: string;
  name: string;
  role: Role;
}

export interface SessionSnapshot {
  id: string;
  startedAt: number;
  endedAt: number | null;
  facilitator: string;
  participants: Participant[];
  agenda: string[];
  focus: string | null;
  focusSince: number | null;
  spent: Record<string, number>;
  outcomes: Record<string, Outcome>;
  itemTimer: TimerState;
  meetingTimer: TimerState;
  deck: DeckChoice;
  autoReveal: boolean;
  currentRound: string | null;
}

export const DEFAULT_ITEM_TIMEBOX_MS = 5 * 60_000;
export const DEFAULT_MEETING_MS = 60 * 60_000;
export const DEFAULT_DECK: DeckChoice = { id: 'fibonacci', unknownCard: true, coffeeCard: true };

export function groomingMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('grooming');
}

function sessionMap(doc: Y.Doc): Y.Map<unknown> | null {
  const session = groomingMap(doc).get('session');
  return session instanceof Y.Map ? session : null;
}

/** The running session's map, or an Error. */
function requireSession(doc: Y.Doc): Y.Map<unknown> {
  const session = sessionMap(doc);
  if (session === null || typeof session.get('endedAt') === 'number') throw new Error('no grooming session is running');
  return session;
}

function checkParticipant(participant: { id: unknown; name: unknown }): void {
  if (typeof participant?.id !== 'string' || participant.id === '') throw new Error('a participant needs an id');
  if (typeof participant.name !== 'string' || participant.name.length > 64) throw new Error('a participant needs a name of at most 64 characters');
}

function checkNow(now: unknown): asserts now is number {
  if (typeof now !== 'number' || !Number.isFinite(now)) throw new Error(`now must be a time in ms, got ${String(now)}`);
}

function checkDeck(deck: DeckChoice): DeckChoice {
  if (!DECK_IDS.includes(deck?.id)) throw new Error(`deck must be one of ${DECK_IDS.join(', ')}`);
  return {
    id: deck.id,
    ...(deck.id === 'custom' && { custom: checkCustomDeck(deck.custom) }),
    unknownCard: deck.unknownCard === true,
    coffeeCard: deck.coffeeCard === true,
  };
}

/** The agenda a session starts with: the top of the backlog that is not ready, done or archived. */
export function defaultAgenda(doc: Y.Doc, orderedIds: string[], size = 10): string[] {
  const items = itemsMap(doc);
  return orderedIds
    .filter((id) => {
      const item = items.get(id);
      const status = item?.get('status');
      return item && item.get('archived') !== true && status !== 'ready' && status !== 'done' && status !== 'in-progress';
    })
    .slice(0, size);
}

export interface StartOptions {
  facilitator: { id: string; name: string };
  agenda: string[];
  now: number;
  itemTimeboxMs?: number;
  meetingMs?: number;
  deck?: DeckChoice;
}

/** Starts a session with the caller as facilitator; the first agenda item is in focus. Returns its id. */
export function startSession(doc: Y.Doc, options: StartOptions): string {
  checkParticipant(options.facilitator);
  checkNow(options.now);
  const existing = sessionMap(doc);
  if (existing && typeof existing.get('endedAt') !== 'number') throw new Error('a grooming session is already running');
  if (!Array.isArray(options.agenda)) throw new Error('agenda must be an array of item ids');
  options.agenda.forEach((id) => requireItem(doc, id, 'agenda item'));
  const deck = checkDeck(options.deck ?? DEFAULT_DECK);
  const id = newId();
  doc.transact(() => {
    const session = new Y.Map<unknown>();
    groomingMap(doc).set('session', session);
    session.set('id', id);
    session.set('startedAt', options.now);
    session.set('facilitator', options.facilitator.id);
    const participants = new Y.Map<unknown>();
    session.set('participants', participants);
    participants.set(options.facilitator.id, { name: options.facilitator.name, role: 'voter' });
    const agenda = new Y.Array<string>();
    session.set('agenda', agenda);
    agenda.push([...new Set(options.agenda)]);
    session.set('spent', new Y.Map());
    session.set('outcomes', new Y.Map());
    session.set('focus', options.agenda[0] ?? null);
    session.set('focusSince', options.now);
    session.set('itemTimeboxMs', options.itemTimeboxMs ?? DEFAULT_ITEM_TIMEBOX_MS);
    session.set('itemTimer', start({ ...STOPPED, durationMs: options.itemTimeboxMs ?? DEFAULT_ITEM_TIMEBOX_MS }, options.now));
    session.set('meetingTimer', start({ ...STOPPED, durationMs: options.meetingMs ?? DEFAULT_MEETING_MS }, options.now));
    session.set('deck', deck);
    session.set('autoReveal', false);
    session.set('currentRound', null);
  });
  return id;
}

function addSpent(session: Y.Map<unknown>, now: number): void {
  const focus = session.get('focus');
  const since = session.get('focusSince');
  if (typeof focus !== 'string' || typeof since !== 'number') return;
  const spent = session.get('spent') as Y.Map<number>;
  spent.set(focus, (spent.get(focus) ?? 0) + Math.max(0, now - since));
}

export function endSession(doc: Y.Doc, now: number): void {
  checkNow(now);
  const session = requireSession(doc);
  doc.transact(() => {
    addSpent(session, now);
    session.set('focusSince', null);
    session.set('endedAt', now);
    session.set('itemTimer', pause(readTimer(session.get('itemTimer')), now));
    session.set('meetingTimer', pause(readTimer(session.get('meetingTimer')), now));
  });
}

/** Joins (or changes role). Anyone on the board may join. */
export function joinSession(doc: Y.Doc, participant: { id: string; name: string }, role: Role): void {
  checkParticipant(participant);
  if (role !== 'voter' && role !== 'observer') throw new Error(`role must be voter or observer, got ${JSON.stringify(role)}`);
  const session = requireSession(doc);
  const participants = session.get('participants') as Y.Map<unknown>;
  doc.transact(() => participants.set(participant.id, { name: participant.name, role }));
}

/** Hands the facilitator role to another participant. */
export function handOff(doc: Y.Doc, to: string): void {
  const session = requireSession(doc);
  const participants = session.get('participants') as Y.Map<unknown>;
  if (!participants.has(to)) throw new Error(`participant ${JSON.stringify(to)} has not joined the session`);
  doc.transact(() => session.set('facilitator', to));
}

export function setAgenda(doc: Y.Doc, ids: string[]): void {
  const session = requireSession(doc);
  if (!Array.isArray(ids)) throw new Error('agenda must be an array of item ids');
  ids.forEach((id) => requireItem(doc, id, 'agenda item'));
  const agenda = session.get('agenda') as Y.Array<string>;
  doc.transact(() => {
    agenda.delete(0, agenda.length);
    agenda.push([...new Set(ids)]);
  });
}

/**
 * Puts an item in focus: the time on the previous one is added to its
 * total, and the item timebox starts again (running if the meeting is).
 */
export function setFocus(doc: Y.Doc, itemId: string | null, now: number): void {
  checkNow(now);
  const session = requireSession(doc);
  if (itemId !== null) requireItem(doc, itemId, 'focus item');
  if (session.get('focus') === itemId) return;
  doc.transact(() => {
    addSpent(session, now);
    session.set('focus', itemId);
    session.set('focusSince', now);
    // A fresh timebox: minutes added to the last item do not carry over.
    const meeting = readTimer(session.get('meetingTimer'));
    const timebox = session.get('itemTimeboxMs');
    const item = { ...STOPPED, durationMs: typeof timebox === 'number' ? timebox : DEFAULT_ITEM_TIMEBOX_MS };
    session.set('itemTimer', meeting.runningSince !== null && itemId !== null ? start(item, now) : item);
    session.set('currentRound', null);
  });
}

export function updateTimer(doc: Y.Doc, which: 'item' | 'meeting', action: TimerAction, now: number): void {
  checkNow(now);
  const session = requireSession(doc);
  const key = which === 'item' ? 'itemTimer' : which === 'meeting' ? 'meetingTimer' : null;
  if (key === null) throw new Error(`timer must be item or meeting, got ${JSON.stringify(which)}`);
  const timer = readTimer(session.get(key));
  const next =
    action === 'start' ? start(timer, now) : action === 'pause' ? pause(timer, now) : action === 'add-minute' ? addTime(timer, 60_000) : action === 'reset' ? reset(timer) : null;
  if (next === null) throw new Error(`timer action must be start, pause, add-minute or reset, got ${JSON.stringify(action)}`);
  doc.transact(() => session.set(key, next));
}

export function setDeck(doc: Y.Doc, deck: DeckChoice): void {
  const session = requireSession(doc);
  const checked = checkDeck(deck);
  doc.transact(() => session.set('deck', checked));
}

export function setAutoReveal(doc: Y.Doc, on: boolean): void {
  const session = requireSession(doc);
  doc.transact(() => session.set('autoReveal', on === true));
}

export function setOutcome(doc: Y.Doc, itemId: string, outcome: Outcome | null): void {
  const session = requireSession(doc);
  requireItem(doc, itemId);
  if (outcome !== null && !OUTCOMES.includes(outcome)) throw new Error(`outcome must be one of ${OUTCOMES.join(', ')}`);
  const outcomes = session.get('outcomes') as Y.Map<Outcome>;
  doc.transact(() => (outcome === null ? outcomes.delete(itemId) : outcomes.set(itemId, outcome)));
}

export function setCurrentRound(session: Y.Map<unknown>, roundId: string | null): void {
  session.set('currentRound', roundId);
}

/**
 * A map's entries whose values pass `accept`, read one level deep: a reader
 * never recurses into what a client stored (a value nested 20,000 levels
 * deep would overflow the stack).
 */
export function shallowEntries<T>(map: unknown, accept: (value: unknown) => value is T): Record<string, T> {
  const entries: Record<string, T> = {};
  if (map instanceof Y.Map) map.forEach((value, key) => (accept(value) ? (entries[key] = value) : undefined));
  return entries;
}

/** The session as plain data (the last one, running or ended), or null. */
export function readSession(doc: Y.Doc): SessionSnapshot | null {
  const session = sessionMap(doc);
  if (session === null) return null;
  const participants: Participant[] = [];
  const participantMap = session.get('participants');
  if (participantMap instanceof Y.Map) {
    participantMap.forEach((value, id) => {
      const entry = value as Partial<Participant> | null;
      participants.push({ id, name: typeof entry?.name === 'string' ? entry.name : 'Someone', role: entry?.role === 'observer' ? 'observer' : 'voter' });
    });
  }
  const agenda = session.get('agenda');
  const spent = shallowEntries(session.get('spent'), (value): value is number => typeof value === 'number' && Number.isFinite(value));
  const outcomes = shallowEntries(session.get('outcomes'), (value): value is Outcome => OUTCOMES.includes(value as Outcome));
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  const deck = session.get('deck') as DeckChoice | undefined;
  return {
    id: String(session.get('id') ?? ''),
    startedAt: number(session.get('startedAt')) ?? 0,
    endedAt: number(session.get('endedAt')),
    facilitator: String(session.get('facilitator') ?? ''),
    participants,
    agenda: agenda instanceof Y.Array ? agenda.toArray().filter((id): id is string => typeof id === 'string') : [],
    focus: typeof session.get('focus') === 'string' ? (session.get('focus') as string) : null,
    focusSince: number(session.get('focusSince')),
    spent,
    outcomes,
    itemTimer: readTimer(session.get('itemTimer')),
    meetingTimer: readTimer(session.get('meetingTimer')),
    deck: deck && DECK_IDS.includes(deck.id) ? deck : DEFAULT_DECK,
    autoReveal: session.get('autoReveal') === true,
    currentRound: typeof session.get('currentRound') === 'string' ? (session.get('currentRound') as string) : null,
  };
}

/** The running session's Y.Map, for the round functions. */
export function runningSessionMap(doc: Y.Doc): Y.Map<unknown> {
  return requireSession(doc);
}
