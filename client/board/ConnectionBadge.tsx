import type { ConnectionState } from '../session/BoardSession.js';

function pendingText(pending: number): string {
  if (pending === 0) return 'all changes saved on this device';
  return `${pending} change${pending === 1 ? '' : 's'} waiting to sync`;
}

/** Where this board stands with the relay, in words. */
export function ConnectionBadge({ connection }: { connection: ConnectionState }) {
  const { status, pending } = connection;
  const text =
    status === 'live'
      ? 'Live'
      : status === 'synced'
        ? 'All changes synced'
        : status === 'offline'
          ? `Offline · ${pendingText(pending)}`
          : status === 'reconnecting'
            ? `Reconnecting…${pending ? ` · ${pendingText(pending)}` : ''}`
            : 'Connecting…';
  return (
    <span className={`connection connection-${status}`} data-testid="connection" data-status={status} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
