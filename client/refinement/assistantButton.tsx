/**
 * The composer's "Story assistant…" button and the dialog it opens, loaded
 * on first use (StoryAssistantDialog needs wink-nlp's model, which the
 * board's main chunk leaves out; hovering or focusing the button starts the
 * download). The dialog goes to the end of <body>: the composer is a form,
 * and forms do not nest.
 */
import { lazy, Suspense, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ItemSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';

const load = () => import('./qualityAids.js');
const StoryAssistantDialog = lazy(() => load().then((module) => ({ default: module.StoryAssistantDialog })));

export function AssistantButton(props: { session: BoardSession; idea: string; after: ItemSnapshot | null; author: string; onAdded: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button-secondary assistant-open" onPointerEnter={() => void load()} onFocus={() => void load()} onClick={() => setOpen(true)}>
        Story assistant…
      </button>
      {open &&
        createPortal(
          <Suspense fallback={null}>
            <StoryAssistantDialog {...props} onClose={() => setOpen(false)} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
