/**
 * The grooming session's bar under the header: both timers, who is there,
 * and the controls each person may use. Reading controls (Follow, Sound,
 * Summary) are everyone's, viewers' (a view-only invite) too; joining
 * writes to the board, so it is offered only to those who may write.
 */
import { useState } from 'react';
import { endSession, handOff, joinSession, updateTimer, type Role, type SessionSnapshot, type TimerAction } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import type { Peer } from '../session/presence.js';
import { Participants } from './Participants.js';
import { TimerControls } from './TimerControls.js';
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
  const timer = (which: 'item' | 'meeting') => (action: TimerAction) => session.act(() => updateTimer(session.doc, which, action, session.clock.now()));
  const join = (role: Role) => session.act(() => joinSession(session.doc, me, role));

  return (
    <section className="session-bar" aria-label="Grooming session">
      <span className="session-badge">Grooming</span>
      <span className="session-timer">
        <TimerView label="Item" timer={grooming.itemTimer} now={now} mode="countdown" testId="item-timer" />
        {isFacilitator && <TimerControls which="item" timer={grooming.itemTimer} onAction={timer('item')} />}
      </span>
      <span className="session-timer">
        <TimerView label="Meeting" timer={grooming.meetingTimer} now={now} mode="elapsed" testId="meeting-timer" />
        {isFacilitator && <TimerControls which="meeting" timer={grooming.meetingTimer} onAction={timer('meeting')} />}
      </span>
      <Participants grooming={grooming} present={present} />
      <span className="session-end">
        {!session.readOnly &&
          (mine ? (
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
          ))}
        <label className="checkbox" title="Go where the facilitator goes">
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
