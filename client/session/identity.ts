/**
 * Who I am on this device: a display name and a color, remembered in
 * localStorage and shown to others through presence.
 */
import { newId } from '../../shared/ids.js';

export interface Identity {
  /** Stable for this device: who voted, who facilitates. */
  id: string;
  name: string;
  color: string;
}

const KEY = 'refinement-board.identity';

/** Colors readable as text backgrounds with white initials, in light and dark themes. */
export const COLORS = ['#e11d48', '#db2777', '#9333ea', '#4f46e5', '#0284c7', '#0d9488', '#16a34a', '#ca8a04', '#ea580c', '#64748b'];

const ANIMALS = ['Otter', 'Heron', 'Lynx', 'Badger', 'Falcon', 'Marten', 'Ibex', 'Puffin', 'Gecko', 'Koala', 'Narwhal', 'Okapi'];

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

export function loadIdentity(): Identity {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Identity> | null;
    if (stored && typeof stored.name === 'string' && stored.name.trim() && typeof stored.color === 'string') {
      const identity = { id: typeof stored.id === 'string' && stored.id ? stored.id : newId(), name: stored.name, color: stored.color };
      if (identity.id !== stored.id) saveIdentity(identity);
      return identity;
    }
  } catch {
    // A corrupt entry is replaced below.
  }
  const identity = { id: newId(), name: `Guest ${pick(ANIMALS)}`, color: pick(COLORS) };
  saveIdentity(identity);
  return identity;
}

export function saveIdentity(identity: Identity): void {
  localStorage.setItem(KEY, JSON.stringify(identity));
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words[0]![0]! + words[words.length - 1]![0]! : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}
