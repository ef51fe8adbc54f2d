/**
 * My name as others see it. On a first visit it asks (skippable: the made-up
 * "Guest Otter" stays); afterwards the same form renames me.
 */
import { useState } from 'react';
import { MAX_NAME_LENGTH, cleanName } from '../session/identity.js';

interface NameFormProps {
  current: string;
  /** First visit: explain why, and offer Skip instead of Cancel. */
  welcome: boolean;
  onSave: (name: string) => void;
  /** Skip or Cancel. */
  onClose: () => void;
}

export function NameForm({ current, welcome, onSave, onClose }: NameFormProps) {
  const [draft, setDraft] = useState(welcome ? '' : current);
  return (
    <form
      className="popover name-form"
      aria-label={welcome ? 'Your name' : 'Change your name'}
      onSubmit={(event) => {
        event.preventDefault();
        const name = cleanName(draft);
        if (name) onSave(name);
        else onClose();
      }}
    >
      {welcome && (
        <p className="name-why">
          <strong>What should the team call you?</strong> Your name goes with your cursor, your votes and the session summary. Until then you are {current}.
        </p>
      )}
      <label htmlFor="my-name">Your name, shown to others</label>
      <input
        id="my-name"
        className="text-input"
        autoFocus
        dir="auto"
        autoComplete="name"
        placeholder={welcome ? 'e.g. Priya' : undefined}
        value={draft}
        maxLength={MAX_NAME_LENGTH}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && onClose()}
      />
      <div className="name-actions">
        <button type="submit">{welcome ? 'Join' : 'Save'}</button>
        <button type="button" className="link-button" onClick={onClose}>
          {welcome ? 'Skip' : 'Cancel'}
        </button>
      </div>
    </form>
  );
}
