/** Where an imported item came from: the tracker and its key, linked when the file gave a web address. */
import { itemSource } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { UserText } from '../ui/UserText.js';

const SYSTEM_NAMES = { jira: 'Jira', linear: 'Linear', github: 'GitHub', csv: 'a spreadsheet', text: 'a pasted list', board: 'a board export' } as const;

export function ItemSourceLine({ session, itemId }: { session: BoardSession; itemId: string }) {
  const source = itemSource(session.doc, itemId);
  if (source === null) return null;
  const key = <UserText text={source.key.startsWith('id:') ? `issue id ${source.key.slice(3)}` : source.key} max={60} />;
  return (
    <p className="meta" aria-label="Imported from">
      Imported from {SYSTEM_NAMES[source.system]}
      {source.system === 'text' || source.system === 'board' ? null : (
        <>
          {' · '}
          {source.url ? (
            <a href={source.url} target="_blank" rel="noopener noreferrer">
              {key}
            </a>
          ) : (
            key
          )}
        </>
      )}
    </p>
  );
}
