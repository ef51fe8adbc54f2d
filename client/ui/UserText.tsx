/**
 * Text someone typed, shown in a sentence or a row: isolated (<bdi>), so a
 * right-to-left title neither flips nor is flipped by what stands next to
 * it, and without direction controls (text.ts).
 */
import { displayText, shorten } from './text.js';

export function UserText({ text, max, className }: { text: string; max?: number; className?: string }) {
  return <bdi className={className}>{max === undefined ? displayText(text) : shorten(text, max)}</bdi>;
}
