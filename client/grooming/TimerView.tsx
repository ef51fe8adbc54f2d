/**
 * A session timer as everyone sees it: computed from the document on the
 * relay's clock, so all clients show the same time. At zero it turns red,
 * says so, and (if this person switched sound on) beeps once.
 */
import { useEffect, useRef } from 'react';
import { elapsed, formatDuration, isRunning, remaining, type TimerState } from '../../shared/index.js';

const SOUND = 'refinement-board.sound';
export const soundOn = () => localStorage.getItem(SOUND) === 'on';
export const setSound = (on: boolean) => localStorage.setItem(SOUND, on ? 'on' : 'off');

function beep(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.6);
  } catch {
    // No audio here; the visible signal is enough.
  }
}

export interface TimerViewProps {
  label: string;
  timer: TimerState;
  now: number;
  /** Count down the timebox (items) or show time used against it (the meeting). */
  mode: 'countdown' | 'elapsed';
  testId: string;
}

export function TimerView({ label, timer, now, mode, testId }: TimerViewProps) {
  const left = remaining(timer, now);
  const over = timer.durationMs > 0 && left <= 0;
  const wasOver = useRef(over);
  useEffect(() => {
    if (over && !wasOver.current && isRunning(timer) && soundOn()) beep();
    wasOver.current = over;
  }, [over, timer]);
  const text =
    mode === 'countdown'
      ? over
        ? `+${formatDuration(-left)}`
        : formatDuration(left)
      : `${formatDuration(elapsed(timer, now))} / ${formatDuration(timer.durationMs)}`;
  return (
    <span
      className={`timer${over ? ' timer-over' : ''}${isRunning(timer) ? '' : ' timer-paused'}`}
      data-testid={testId}
      data-remaining-ms={Math.round(left)}
      // The tab's own clock at the moment `left` was computed, so tests can line up several tabs.
      data-measured-at={Math.round(performance.timeOrigin + performance.now())}
      role="timer"
      aria-label={`${label}: ${over ? `over by ${formatDuration(-left)}` : text}${isRunning(timer) ? '' : ', paused'}`}
    >
      <span className="timer-label">{label}</span>
      <span className="timer-value">{text}</span>
      {over && mode === 'countdown' && <span className="timer-alert">Time’s up</span>}
    </span>
  );
}
