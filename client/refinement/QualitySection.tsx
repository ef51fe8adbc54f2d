/**
 * In the item panel: what the story-quality checks (shared/refinement/
 * quality.ts) find in the item's wording, each with how to fix it, live as
 * the item changes. Only the checks on by default run (those measured at
 * 0.8 precision or more). Anyone but a viewer dismisses a finding for the
 * item, for everyone on the board, and can restore it. Loaded lazily
 * (LazyQuality): the checks need wink-nlp and its 4 MB English model, which
 * the board's main chunk leaves out.
 */
import { useCallback, useDeferredValue, useMemo } from 'react';
import type * as Y from 'yjs';
import { definitionOfReady, type ItemSnapshot } from '../../shared/index.js';
import { dismissQualityCheck, readDismissedChecks, restoreQualityCheck, storyQuality, storyTemplate, type QualityCheck, type QualityFinding } from '../../shared/refinement/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { useDocValue } from '../session/useDocValue.js';
import { CHECK_NAMES } from './qualityNames.js';

const readMaxEstimate = (doc: Y.Doc) => definitionOfReady(doc).maxEstimate;

/** The finding's problem without its fix (the message is the problem, then the fix). */
function problemOf(finding: QualityFinding): string {
  return finding.message.endsWith(finding.fix) ? finding.message.slice(0, finding.message.length - finding.fix.length).trim() : finding.message;
}

export default function QualitySection({ session, item, items }: { session: BoardSession; item: ItemSnapshot; items: readonly ItemSnapshot[] }) {
  // One string, so the section re-renders only when the item's dismissals change.
  const readDismissed = useCallback((doc: Y.Doc) => readDismissedChecks(doc, item.id).join(' '), [item.id]);
  const dismissedKey = useDocValue(session.doc, readDismissed);
  const maxEstimate = useDocValue(session.doc, readMaxEstimate);
  const titles = useMemo(() => new Map(items.filter((other) => !other.archived).map((other) => [other.id, other.title])), [items]);
  const template = useMemo(() => storyTemplate(titles.values()), [titles]);
  // Typing in the title stays quick: the checks catch up after the keystroke.
  const current = useDeferredValue(item);
  // Every finding, dismissed ones too, so a dismissed check that still applies can be restored.
  const findings = useMemo(() => storyQuality(current, { template, titles, maxEstimate }), [current, template, titles, maxEstimate]);
  const dismissed = new Set(dismissedKey === '' ? [] : dismissedKey.split(' '));
  const open = findings.filter((finding) => !dismissed.has(finding.check));
  const hidden = findings.filter((finding) => dismissed.has(finding.check));
  const dismiss = (check: QualityCheck) => session.act(() => dismissQualityCheck(session.doc, item.id, check));
  const restore = (check: QualityCheck) => session.act(() => restoreQualityCheck(session.doc, item.id, check));
  return (
    <section className="quality" aria-label="Story quality">
      <h3 className="section-title">
        Story quality{open.length > 0 && <span className="quality-count">{open.length === 1 ? '1 finding' : `${open.length} findings`}</span>}
      </h3>
      {open.length === 0 ? (
        <p className="quality-calm">No quality issues found.</p>
      ) : (
        <ul className="quality-list">
          {open.map((finding) => (
            <li key={finding.check} className="quality-finding" data-check={finding.check}>
              <div className="quality-head">
                <span className="quality-name">{CHECK_NAMES[finding.check]}</span>
                {!session.readOnly && (
                  <button type="button" className="link-button" aria-label={`Dismiss “${CHECK_NAMES[finding.check]}” for this item`} onClick={() => dismiss(finding.check)}>
                    Dismiss
                  </button>
                )}
              </div>
              <p className="quality-problem">{problemOf(finding)}</p>
              <p className="quality-fix">{finding.fix}</p>
            </li>
          ))}
        </ul>
      )}
      {hidden.length > 0 && (
        <ul className="quality-dismissed">
          {hidden.map((finding) => (
            <li key={finding.check} data-check={finding.check}>
              <span className="muted">Dismissed: {CHECK_NAMES[finding.check]}</span>
              {!session.readOnly && (
                <button type="button" className="link-button" aria-label={`Restore “${CHECK_NAMES[finding.check]}”`} onClick={() => restore(finding.check)}>
                  Restore
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
