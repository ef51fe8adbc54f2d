/**
 * The grooming session's bar under the header: both timers, who is there
 * (and in which role, and who follows the focus), and the controls of the
 * facilitator and of each participant.
 */
import { useState } from 'react';
import { endSession, handOff, joinSession, updateTimer, type Role, type SessionSnapshot, type TimerAction } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import type { Peer } from '../session/presence.js';
import { Avatar } from '../ui/Avatar.js';
import { TimerView, setSound, soundOn } from './TimerView.js';
import { useNow } from './useGrooming.js';

interface SessionBarProps {
  session: BoardSession;
  grooming: SessionSnapshot;
  peers: Peer[];
  following: boolean;
  onFollowingChange: (following: boolean) => void;
  onSummary: () => void;
}

export function SessionBar({ session, grooming, peers, following, onFollowingChange, onSummary }: SessionBarProps) {
  const now = useNow(session.clock.now);
  const me = session.me;
  // With invites, only a facilitator's invite runs the meeting (the relay refuses the rest).
  const isFacilitator = grooming.facilitator === me.id && session.role === 'facilitator';
  const mine = grooming.participants.find((p) => p.id === me.id);
  const [sound, setSoundState] = useState(soundOn);
  const present = new Map(peers.map((peer) => [peer.user.id, peer]));
  // With invites, the role can go only to someone here on a facilitator's invite.
  const successors = grooming.participants.filter((p) => p.id !== me.id && (session.token === null || present.get(p.id)?.access === 'facilitator'));
  const timer = (which: 'item' | 'meeting', action: TimerAction) => session.act(() => updateTimer(session.doc, which, action, session.clock.now()));
  const join = (role: Role) => session.act(() => joinSession(session.doc, me, role));

  return (
    <section className="session-bar" aria-label="Grooming session">
      <span className="session-badge">Grooming</span>
      <TimerView label="Item" timer={grooming.itemTimer} now={now} mode="countdown" testId="item-timer" />
      {isFacilitator && (
        <span className="timer-controls">
          {grooming.itemTimer.runningSince === null ? (
            <button type="button" className="button-secondary" onClick={() => timer('item', 'start')}>
              {grooming.itemTimer.accumulatedMs > 0 ? 'Resume' : 'Start'}
            </button>
          ) : (
            <button type="button" className="button-secondary" onClick={() => timer('item', 'pause')}>
              Pause
            </button>
          )}
          <button type="button" className="button-secondary" onClick={() => timer('item', 'add-minute')}>
            +1 min
          </button>
          <button type="button" className="button-secondary" onClick={() => timer('item', 'reset')}>
            Reset
          </button>
        </span>
      )}
      <TimerView label="Meeting" timer={grooming.meetingTimer} now={now} mode="elapsed" testId="meeting-timer" />
      {isFacilitator && (
        <span className="timer-controls">
          <button type="button" className="button-secondary" onClick={() => timer('meeting', grooming.meetingTimer.runningSince === null ? 'start' : 'pause')}>
            {grooming.meetingTimer.runningSince === null ? 'Resume meeting' : 'Pause meeting'}
          </button>
          <button type="button" className="button-secondary" aria-label="Add a minute to the meeting" onClick={() => timer('meeting', 'add-minute')}>
            +1
          </button>
          <button type="button" className="button-secondary" aria-label="Reset the meeting clock" onClick={() => timer('meeting', 'reset')}>
            ↺
          </button>
        </span>
      )}
      <span className="session-people" aria-label="Participants">
        {grooming.participants.map((participant) => {
          const peer = present.get(participant.id);
          return (
            <span
              key={participant.id}
              className={`participant${peer ? '' : ' participant-away'}`}
              data-participant={participant.name}
              data-role={participant.role}
              data-following={peer ? String(peer.following) : undefined}
              title={`${participant.name}: ${participant.id === grooming.facilitator ? 'facilitator, ' : ''}${participant.role}${peer ? (peer.following ? ', following' : ', browsing on their own') : ', away'}`}
            >
              <Avatar user={{ id: participant.id, name: participant.name, color: peer?.user.color ?? '#94a3b8' }} size="small" />
              {participant.id === grooming.facilitator && <span className="facilitator-mark" aria-label="facilitator">★</span>}
              {participant.role === 'observer' && <span className="observer-mark">obs</span>}
            </span>
          );
        })}
      </span>
      <span className="session-end">
        {mine ? (
          <select aria-label="My role" value={mine.role} onChange={(event) => join(event.target.value as Role)}>
            <option value="voter">Voter</option>
            <option value="observer">Observer</option>
          </select>
        ) : (
          <>
            <button type="button" onClick={() => join('voter')}>
              Join as voter
            </button>
            <button type="button" className="button-secondary" onClick={() => join('observer')}>
              Observe
            </button>
          </>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={following} onChange={(event) => onFollowingChange(event.target.checked)} />
          Follow
        </label>
        <label className="checkbox" title="Beep when the item timer runs out">
          <input
            type="checkbox"
            checked={sound}
            onChange={(event) => {
              setSound(event.target.checked);
              setSoundState(event.target.checked);
            }}
          />
          Sound
        </label>
        {isFacilitator && successors.length > 0 && (
          <select aria-label="Hand the facilitator role to" value="" onChange={(event) => event.target.value && session.act(() => handOff(session.doc, event.target.value))}>
            <option value="">Hand over…</option>
            {successors.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </select>
        )}
        <button type="button" className="button-secondary" onClick={onSummary}>
          Summary
        </button>
        {isFacilitator && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              session.act(() => endSession(session.doc, session.clock.now()));
              onSummary();
            }}
          >
            End session
          </button>
        )}
      </span>
    </section>
  );
}
