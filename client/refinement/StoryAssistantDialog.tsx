/**
 * The story assistant: a raw idea ("filter search by price") becomes a
 * proposed story (role, goal, benefit; the board's most common roles
 * offered) and a Given/When/Then scaffold of acceptance criteria, all
 * editable, saved as one new item placed like the composer places it (one
 * undo step). Rules and templates over the idea's own words
 * (shared/refinement/story-assistant.ts), not a language model; the dialog
 * says so. Loaded lazily (assistantButton): it needs wink-nlp's model.
 */
import { useMemo, useState } from 'react';
import { MAX_TITLE_LENGTH, addItem, orderedItems, type ItemSnapshot } from '../../shared/index.js';
import { commonRoles, hasBlank, proposeStory, storyTitle } from '../../shared/refinement/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { cleanName } from '../session/identity.js';
import { Dialog } from '../ui/Dialog.js';

interface Draft {
  role: string;
  goal: string;
  benefit: string;
  criteria: string[];
}

const OTHER = '\u0000other';

export interface StoryAssistantProps {
  session: BoardSession;
  /** What the person had typed in the composer, proposed at once when there is some. */
  idea: string;
  /** Insert below this item; null means the bottom of the backlog (as the composer). */
  after: ItemSnapshot | null;
  author: string;
  onAdded: (id: string) => void;
  onClose: () => void;
}

export function StoryAssistantDialog({ session, idea: initialIdea, after, author, onAdded, onClose }: StoryAssistantProps) {
  // The board's roles as it stands when the dialog opens.
  const roles = useMemo(() => commonRoles(orderedItems(session.doc).filter((item) => !item.archived).map((item) => item.title)).slice(0, 8), [session]);
  const [idea, setIdea] = useState(initialIdea.trim());
  const [draft, setDraft] = useState<Draft | null>(() => (initialIdea.trim() === '' ? null : propose(initialIdea, roles)));
  const [otherRole, setOtherRole] = useState(() => draft !== null && !offered(roles).includes(draft.role));
  const change = (patch: Partial<Draft>) => setDraft((current) => (current === null ? current : { ...current, ...patch }));
  const title = draft === null ? '' : storyTitle(draft);
  const criteria = draft === null ? [] : draft.criteria.map((text) => text.trim()).filter(Boolean);
  const blanks = draft === null ? 0 : [draft.role, draft.goal, draft.benefit, ...draft.criteria].filter(hasBlank).length;
  const tooLong = title.length > MAX_TITLE_LENGTH;
  const canSave = draft !== null && draft.goal.trim() !== '' && !tooLong;
  const save = () => {
    if (!canSave) return;
    const place = after ? { after: after.id } : { before: null };
    const id = session.act(() => addItem(session.doc, { title, acceptanceCriteria: criteria.map((text) => ({ text })), createdBy: cleanName(author) || null }, place));
    // Refused (the notice says why): the draft stays to be fixed.
    if (id === undefined) return;
    onAdded(id);
    onClose();
  };
  return (
    <Dialog title="Story assistant" onClose={onClose}>
      <div className="assistant">
        <p className="assistant-note" role="note">
          Rules and templates, not a language model: check and edit before saving.
        </p>
        <form
          className="assistant-idea"
          onSubmit={(event) => {
            // Opened from the composer's form: its submit must not reach the composer.
            event.preventDefault();
            event.stopPropagation();
            if (idea.trim() === '') return;
            const next = propose(idea, roles);
            setDraft(next);
            setOtherRole(!offered(roles).includes(next.role));
          }}
        >
          <label htmlFor="assistant-idea" className="field-label">
            Your idea
          </label>
          <div className="assistant-idea-row">
            <input id="assistant-idea" className="text-input" value={idea} maxLength={MAX_TITLE_LENGTH} placeholder="filter search by price" autoFocus onChange={(event) => setIdea(event.target.value)} />
            <button type="submit" className={draft === null ? undefined : 'button-secondary'} disabled={idea.trim() === ''}>
              {draft === null ? 'Propose' : 'Propose again'}
            </button>
          </div>
        </form>
        {draft !== null && (
          <form
            className="assistant-story"
            aria-label="Proposed story"
            onSubmit={(event) => {
              event.preventDefault();
              event.stopPropagation();
              save();
            }}
          >
            <div className="assistant-fields">
              <label htmlFor="assistant-role" className="field-label">
                As a
              </label>
              <div className="assistant-role">
                <select
                  id="assistant-role"
                  aria-label="Role"
                  value={otherRole ? OTHER : draft.role}
                  onChange={(event) => {
                    const value = event.target.value;
                    setOtherRole(value === OTHER);
                    if (value !== OTHER) change({ role: value });
                  }}
                >
                  {offered(roles).map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                  <option value={OTHER}>Another role…</option>
                </select>
                {otherRole && <input className="text-input" aria-label="Other role" value={draft.role} placeholder="role" autoFocus onChange={(event) => change({ role: event.target.value })} />}
              </div>
              <label htmlFor="assistant-goal" className="field-label">
                I want to
              </label>
              <input id="assistant-goal" className="text-input" value={draft.goal} onChange={(event) => change({ goal: event.target.value })} />
              <label htmlFor="assistant-benefit" className="field-label">
                so that
              </label>
              <input id="assistant-benefit" className="text-input" value={draft.benefit} placeholder="the benefit (optional)" onChange={(event) => change({ benefit: event.target.value })} />
            </div>
            <fieldset className="assistant-criteria">
              <legend className="field-label">Acceptance criteria</legend>
              <ol>
                {draft.criteria.map((text, index) => (
                  <li key={index}>
                    <textarea
                      className="text-area"
                      rows={2}
                      aria-label={`Criterion ${index + 1}`}
                      value={text}
                      onChange={(event) => change({ criteria: draft.criteria.map((other, at) => (at === index ? event.target.value : other)) })}
                    />
                    <button type="button" className="icon-button" aria-label={`Remove criterion ${index + 1}`} title="Remove" onClick={() => change({ criteria: draft.criteria.filter((_, at) => at !== index) })}>
                      ×
                    </button>
                  </li>
                ))}
              </ol>
              <button type="button" className="link-button" onClick={() => change({ criteria: [...draft.criteria, 'Given [a state], when I [act], then [what I see]'] })}>
                Add criterion
              </button>
            </fieldset>
            <p className="assistant-preview">
              <span className="field-label">Title</span>
              <bdi>{title}</bdi>
            </p>
            {blanks > 0 && (
              <p className="assistant-blanks" role="status">
                {blanks === 1 ? 'One part still has' : `${blanks} parts still have`} a [bracketed] blank to fill in.
              </p>
            )}
            {tooLong && <p className="field-error">The title is longer than {MAX_TITLE_LENGTH} characters.</p>}
            <div className="dialog-actions">
              <button type="button" className="button-secondary" onClick={onClose}>
                Cancel
              </button>
              <button type="submit" disabled={!canSave}>
                Add story{criteria.length > 0 ? ` with ${criteria.length} ${criteria.length === 1 ? 'criterion' : 'criteria'}` : ''}
              </button>
            </div>
          </form>
        )}
      </div>
    </Dialog>
  );
}

/** The roles to offer: the board's, or "user" on a board without stories. */
function offered(roles: readonly string[]): string[] {
  return roles.length > 0 ? [...roles] : ['user'];
}

function propose(idea: string, roles: readonly string[]): Draft {
  const proposal = proposeStory(idea, { roles: [...roles] });
  return { role: proposal.role, goal: proposal.goal, benefit: proposal.benefit, criteria: proposal.criteria };
}
