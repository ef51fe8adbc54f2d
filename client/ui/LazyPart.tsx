/**
 * A part of the page whose code is loaded when first shown (lazyParts.ts):
 * `fallback` while it loads, and if it cannot be loaded (offline before the
 * service worker cached it, or a newer build replaced the file), a short
 * notice in its place instead of a blank page. A browser remembers a module
 * it failed to fetch until the page reloads, so the notice offers that.
 */
import { Suspense, type ReactNode } from 'react';
import { LoadBoundary } from './LoadBoundary.js';

export function LazyPart({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  return (
    <LoadBoundary
      onRetry={() => {}}
      failed={() => (
        <p className="load-failed muted" role="status">
          This part of the page could not be loaded{navigator.onLine ? '' : ' while offline'}.{' '}
          <button type="button" className="link-button" onClick={() => location.reload()}>
            Reload the page
          </button>{' '}
          (your changes are kept).
        </p>
      )}
    >
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadBoundary>
  );
}
