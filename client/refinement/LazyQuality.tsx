/**
 * The item panel's story-quality section, loaded when an item is first
 * opened: its checks need wink-nlp and its English model, which stay out of
 * the board's main chunk (the service worker precaches the chunk, so it
 * opens offline too, once cached). If it cannot be loaded (offline before
 * it was cached), the section says so and tries again when the browser is
 * back online; the rest of the panel works meanwhile. A browser remembers a
 * module it failed to fetch for as long as the page lives, so when trying
 * again fails online too, the section offers to reload the page.
 */
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import type { ItemSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { LoadBoundary } from '../ui/LoadBoundary.js';

const load = () => import('./qualityAids.js').then((module) => ({ default: module.QualitySection }));

function Placeholder({ children }: { children: ReactNode }) {
  return (
    <section className="quality" aria-label="Story quality" aria-busy="true">
      <h3 className="section-title">Story quality</h3>
      {children}
    </section>
  );
}

export function LazyQuality(props: { session: BoardSession; item: ItemSnapshot; items: readonly ItemSnapshot[] }) {
  const [attempt, setAttempt] = useState(0);
  // A failed lazy component stays failed: each retry makes a new one.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const QualitySection = useMemo(() => lazy(load), [attempt]);
  return (
    <LoadBoundary
      onRetry={() => setAttempt((count) => count + 1)}
      failed={(retry) => (
        <Placeholder>
          {attempt > 0 && navigator.onLine ? (
            <p className="quality-calm muted">
              The quality checks could not be loaded.{' '}
              <button type="button" className="link-button" onClick={() => location.reload()}>
                Reload the page
              </button>{' '}
              to load them (your changes are kept).
            </p>
          ) : (
            <p className="quality-calm muted">
              The quality checks could not be loaded (offline?).{' '}
              <button type="button" className="link-button" onClick={retry}>
                Retry
              </button>
            </p>
          )}
        </Placeholder>
      )}
    >
      <Suspense
        fallback={
          <Placeholder>
            <p className="quality-calm muted">Checking…</p>
          </Placeholder>
        }
      >
        <QualitySection {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
