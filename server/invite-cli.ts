/**
 * `npm run invite -- <board id | new> <facilitator | member | viewer> [days]`
 * prints an invite link signed with AUTH_SECRET. This is how the first
 * facilitator of a board gets in when the relay requires invites; from then
 * on facilitators make links for others in the app.
 * The link's address is PUBLIC_URL when set, else the one the relay running
 * on this DATA_DIR printed when it started, else the one it would print with
 * this HOST and PORT (urls.ts).
 */
import { newBoardId } from '../shared/ids.js';
import { isAccessRole, signInvite } from './access.js';
import { readConfig } from './config.js';
import { BOARD_ID } from './paths.js';
import { relayUrls, runningRelayUrl } from './urls.js';

function main(): void {
  const [boardArg, role, daysArg = '14'] = process.argv.slice(2);
  const config = readConfig();
  if (config.authSecret === undefined) throw new Error('AUTH_SECRET is not set: without it boards need no invite, share the board link instead');
  if (boardArg === undefined || !isAccessRole(role)) throw new Error('usage: npm run invite -- <board id | new> <facilitator | member | viewer | requester> [days]');
  const board = boardArg === 'new' ? newBoardId() : boardArg;
  if (!BOARD_ID.test(board)) throw new Error(`not a board id: ${JSON.stringify(board)}`);
  const days = Number(daysArg);
  if (!Number.isFinite(days) || days <= 0 || days > 365) throw new Error('days must be a number from 1 to 365');
  const token = signInvite(config.authSecret, { board, role, expiresAt: Date.now() + days * 86_400_000 });
  const base = (process.env.PUBLIC_URL || runningRelayUrl(config.dataDir) || relayUrls(config.host, config.port, config.tls !== undefined).main).replace(/\/$/, '');
  // A requester has one page, the request form.
  process.stdout.write(`${base}/b/${board}${role === 'requester' ? '/request' : ''}?invite=${token}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
