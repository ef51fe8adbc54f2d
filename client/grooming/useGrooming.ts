/** React hooks over the grooming session in a board document. */
import { useEffect, useMemo, useState } from 'react';
import { useDocValue } from '../session/useDocValue.js';
import type * as Y from 'yjs';
import { openRoundVotes, readRound, readSession, type OpenedRound, type RoundSnapshot, type SessionSnapshot } from '../../shared/index.js';

/** Compares by content, so that unrelated document changes do not re-render. */
function stable<T>(read: () => T): () => T {
  let last: T;
  let lastJson = '';
  return () => {
    const next = read();
    const json = JSON.stringify(next);
    if (json !== lastJson) {
      lastJson = json;
      last = next;
    }
    return last;
  };
}

export function useGroomingSession(doc: Y.Doc): SessionSnapshot | null {
  const read = useMemo(() => stable(() => readSession(doc)), [doc]);
  return useDocValue(doc, read);
}

export function useRound(doc: Y.Doc, roundId: string | null): RoundSnapshot | null {
  const read = useMemo(() => stable(() => (roundId ? readRound(doc, roundId) : null)), [doc, roundId]);
  return useDocValue(doc, read);
}

/** The votes of a revealed round, opened (decryption is asynchronous). */
export function useOpenedRound(round: RoundSnapshot | null): OpenedRound | null {
  const [opened, setOpened] = useState<OpenedRound | null>(null);
  const key = round?.privateKey?.d ?? null;
  const votes = JSON.stringify(round?.revealedVotes ?? null);
  useEffect(() => {
    let cancelled = false;
    setOpened(null);
    if (round && key) void openRoundVotes(round).then((result) => !cancelled && setOpened(result));
    return () => {
      cancelled = true;
    };
    // Re-open only when the key or the counted votes change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round?.id, key, votes]);
  return opened;
}

/** A ticking "now" on the given clock, for timers. */
export function useNow(clock: () => number, intervalMs = 100): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [clock, intervalMs]);
  return now;
}
