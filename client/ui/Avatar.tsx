import type { Identity } from '../session/identity.js';
import { initials } from '../session/identity.js';

export function Avatar({ user, size = 'normal', title }: { user: Identity; size?: 'small' | 'normal'; title?: string }) {
  return (
    <span className={`avatar avatar-${size}`} style={{ background: user.color }} title={title ?? user.name} aria-label={title ?? user.name}>
      {initials(user.name)}
    </span>
  );
}
