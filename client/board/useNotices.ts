/**
 * The board's one notice at a time (ui/Toast): news with an action such as
 * Undo, and every change the model refused, put in words (refusals.ts), so
 * that no refusal is lost inside an event handler.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import type { Notice } from '../ui/Toast.js';
import { describeRefusal } from './refusals.js';

export function useNotices(session: BoardSession, byId: ReadonlyMap<string, ItemSnapshot>) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const titles = useRef(byId);
  titles.current = byId;
  const describe = useCallback((message: string) => describeRefusal(message, (id) => titles.current.get(id)?.title), []);
  useEffect(() => session.onRefused((message) => setNotice({ text: describe(message), problem: true })), [session, describe]);
  const dismiss = useCallback(() => setNotice(null), []);
  return { notice, show: setNotice, dismiss };
}
