/**
 * What the board shows about discussions beside the items: open questions
 * and comment counts per item, and the items that mention me unseen. Live,
 * and stable between changes (one JSON key, as usePlanning does).
 */
import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import { commentCounts, openQuestions, unseenMentions } from '../../shared/index.js';
import { useDocValue } from '../session/useDocValue.js';

export interface DiscussionFigures {
  openQuestions: ReadonlyMap<string, number>;
  comments: ReadonlyMap<string, number>;
  mentionsMe: ReadonlySet<string>;
}

export function useDiscussion(doc: Y.Doc, personId: string): DiscussionFigures {
  const read = useCallback((current: Y.Doc) => JSON.stringify([[...openQuestions(current)], [...commentCounts(current)], unseenMentions(current, personId)]), [personId]);
  const key = useDocValue(doc, read);
  return useMemo(() => {
    const [questions, comments, mentions] = JSON.parse(key) as [[string, number][], [string, number][], string[]];
    return { openQuestions: new Map(questions), comments: new Map(comments), mentionsMe: new Set(mentions) };
  }, [key]);
}
