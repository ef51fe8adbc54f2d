/** The offer shown after pasting several lines into the new-item box: one item per line, or one title. */
import type { ImportPlan } from '../../shared/index.js';

interface PasteOfferProps {
  plan: ImportPlan;
  lines: number;
  onAddEach: () => void;
  onJoin: () => void;
  onCancel: () => void;
}

export function PasteOffer({ plan, lines, onAddEach, onJoin, onCancel }: PasteOfferProps) {
  const count = plan.items.length;
  return (
    <div className="paste-offer" role="group" aria-label="Pasted lines">
      <span>
        {lines} lines pasted
        {plan.warnings.length > 0 && <span className="paste-warning"> ({plan.warnings[0]!.message}{plan.warnings.length > 1 ? ` and ${plan.warnings.length - 1} more` : ''})</span>}
      </span>
      <button type="button" onClick={onAddEach} disabled={count === 0}>
        Add {count} {count === 1 ? 'item' : 'items'}
      </button>
      <button type="button" className="link-button" onClick={onJoin}>
        Join into one title
      </button>
      <button type="button" className="link-button" onClick={onCancel} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
