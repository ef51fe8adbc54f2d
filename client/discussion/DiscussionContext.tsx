/**
 * What rows show about an item's discussion, through a context so memoized
 * rows need no extra props: a mark when it mentions me and I have not
 * opened it since, and how many comments it has.
 */
import { createContext, useContext } from 'react';
import type { DiscussionFigures } from './useDiscussion.js';

export const DiscussionContext = createContext<DiscussionFigures>({ openQuestions: new Map(), comments: new Map(), mentionsMe: new Set() });

export function useRowDiscussion(itemId: string): { mentionsMe: boolean; comments: number } {
  const figures = useContext(DiscussionContext);
  return { mentionsMe: figures.mentionsMe.has(itemId), comments: figures.comments.get(itemId) ?? 0 };
}

export function DiscussionMarks({ itemId }: { itemId: string }) {
  const { mentionsMe, comments } = useRowDiscussion(itemId);
  return (
    <>
      {mentionsMe && (
        <span className="row-mention" data-mention={itemId} title="Someone mentioned you in a comment: open it to read">
          @ you
        </span>
      )}
      {comments > 0 && (
        <span className="row-comments" title={`${comments} ${comments === 1 ? 'comment' : 'comments'}`}>
          {comments} {comments === 1 ? 'comment' : 'comments'}
        </span>
      )}
    </>
  );
}
