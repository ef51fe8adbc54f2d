/**
 * A comment's text with its mentions marked: "@Name" for each person the
 * comment mentions (stored beside the text, so a name typed without the
 * picker is not marked). Line breaks and spacing are kept as written.
 */
import type { CommentSnapshot } from '../../shared/index.js';
import { displayText } from '../ui/text.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function CommentText({ comment }: { comment: CommentSnapshot }) {
  const names = [...new Set(comment.mentions.map((person) => person.name).filter((name) => name.trim() !== ''))].sort((a, b) => b.length - a.length);
  if (names.length === 0) return <bdi>{displayText(comment.text)}</bdi>;
  // Longest names first, so "@Ana Lee" is marked whole rather than as "@Ana".
  const parts = comment.text.split(new RegExp(`(@(?:${names.map(escape).join('|')}))(?![\\p{L}\\p{N}])`, 'u'));
  return (
    <bdi>
      {parts.map((part, index) => (index % 2 === 1 ? <mark key={index} className="mention">{part}</mark> : displayText(part)))}
    </bdi>
  );
}
