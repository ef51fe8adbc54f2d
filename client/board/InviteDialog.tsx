/**
 * Sharing a board. On a relay without invites the board's link is its key;
 * on one with invites a facilitator makes a link for each role, valid for a
 * number of days (docs/security.md). A viewer's link can open on the
 * roadmap (`&view=roadmap`, read by viewUrl.ts once the invite is taken
 * out of the address): the read-only view stakeholders come for.
 */
import { useState } from 'react';
import { createInvite, type AccessRole } from '../session/access.js';
import type { BoardSession } from '../session/BoardSession.js';
import { Choice } from '../ui/Choice.js';
import { copyText } from '../clipboard.js';
import { Dialog } from '../ui/Dialog.js';

const ROLES: readonly AccessRole[] = ['member', 'viewer', 'facilitator', 'requester'];
const ROLE_LABELS: Record<AccessRole, string> = {
  member: 'Member: edits the backlog and votes',
  viewer: 'Viewer: sees the board, changes nothing',
  facilitator: 'Facilitator: also runs sessions and makes invites',
  requester: 'Requester: files requests into the inbox, nothing else',
};

export function InviteDialog({ session, auth, onClose }: { session: BoardSession; auth: boolean; onClose: () => void }) {
  const [role, setRole] = useState<AccessRole>('member');
  const [days, setDays] = useState(14);
  const [link, setLink] = useState<string | null>(auth ? null : `${window.location.origin}/b/${session.boardId}`);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  /** The role the link was made for, and whether a viewer's link opens on the roadmap. */
  const [madeFor, setMadeFor] = useState<AccessRole | null>(null);
  const [onRoadmap, setOnRoadmap] = useState(false);
  const shown = link !== null && madeFor === 'viewer' && onRoadmap ? `${link}${link.includes('?') ? '&' : '?'}view=roadmap` : link;

  const make = async () => {
    setError(null);
    try {
      setLink(await createInvite(session.boardId, session.token, role, days));
      setMadeFor(role);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const copy = async () => {
    if (shown === null) return;
    setCopied(await copyText(shown));
  };

  return (
    <Dialog title={auth ? 'Invite people' : 'Share this board'} onClose={onClose}>
      {auth ? (
        <div className="invite-form">
          <label>
            Role
            <Choice values={ROLES} labels={ROLE_LABELS} value={role} onChange={(value) => value && setRole(value)} />
          </label>
          <label>
            Valid for (days)
            <input type="number" min={1} max={365} value={days} onChange={(event) => setDays(Math.max(1, Math.min(365, Number(event.target.value) || 1)))} />
          </label>
          <button type="button" onClick={() => void make()}>
            Create link
          </button>
        </div>
      ) : (
        <>
          <p>Anyone with this link can open and edit the board. Keep it among the people who should.</p>
          <p className="muted">
            For people outside the team, the request form files requests into the inbox: {`${window.location.origin}/b/${session.boardId}/request`}
          </p>
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {shown && (
        <div className="invite-link">
          <input readOnly aria-label="Invite link" value={shown} onFocus={(event) => event.currentTarget.select()} />
          <button type="button" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      )}
      {shown && madeFor === 'viewer' && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onRoadmap}
            onChange={(event) => {
              setOnRoadmap(event.target.checked);
              setCopied(false);
            }}
          />
          Open on the roadmap
        </label>
      )}
    </Dialog>
  );
}
