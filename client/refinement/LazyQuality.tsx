/**
 * The item panel's story-quality section, loaded when an item is first
 * opened: its checks need wink-nlp and its English model, which stay out of
 * the board's main chunk (the service worker precaches the chunk, so it
 * opens offline too).
 */
import { lazy, Suspense } from 'react';
import type { ItemSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';

const QualitySection = lazy(() => import('./qualityAids.js').then((module) => ({ default: module.QualitySection })));

export function LazyQuality(props: { session: BoardSession; item: ItemSnapshot; items: readonly ItemSnapshot[] }) {
  return (
    <Suspense
      fallback={
        <section className="quality" aria-label="Story quality" aria-busy="true">
          <h3 className="section-title">Story quality</h3>
          <p className="quality-calm muted">Checking…</p>
        </section>
      }
    >
      <QualitySection {...props} />
    </Suspense>
  );
}
