/** Splitting an item: one new item per line, placed where the original stood. */
import { useState } from 'react';
import type { ItemSnapshot } from '../../shared/index.js';
import { Dialog } from '../ui/Dialog.js';
import { UserText } from '../ui/UserText.js';

export function SplitDialog({ item, onSplit, onClose }: { item: ItemSnapshot; onSplit: (titles: string[]) => void; onClose: () => void }) {
  const [text, setText] = useState(`${item.title} (part 1)\n${item.title} (part 2)`);
  const titles = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (
    <Dialog title="Split item" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (titles.length > 0) onSplit(titles);
        }}
      >
        <label htmlFor="split-lines" className="dialog-text">
          One new item per line. They take the place of “<UserText text={item.title || 'Untitled'} max={60} />”, which is archived.
        </label>
        <textarea id="split-lines" className="text-area" rows={6} value={text} autoFocus onChange={(event) => setText(event.target.value)} />
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={titles.length === 0}>
            Split into {titles.length}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
