/**
 * Access for the client:
 *
 *   GET  /api/boards/<board>/access?token=     -> {"auth": false} when the relay takes no invites,
 *                                                 else {"auth": true, "role", "expiresAt"} (401/403 as the upgrade would)
 *   POST /api/boards/<board>/invites?token=    {"role", "days"} -> 201 {"token", "role", "expiresAt"}
 *                                                 (a facilitator's token only; 404 without AUTH_SECRET)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACCESS_ROLES, signInvite, toAccessRole, verifyFacilitator, verifyInvite } from './access.js';
import { HttpError, readJson, sendJson, tokenOf } from './http-json.js';
import { BOARD_ID } from './paths.js';

const MAX_INVITE_DAYS = 365;

export function createAccessApi(authSecret: string | null) {
  return async function handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    const match = /^\/api\/boards\/([^/]+)\/(access|invites)$/.exec(path);
    if (match === null) return false;
    const [, board, what] = match as unknown as [string, string, 'access' | 'invites'];
    if (!BOARD_ID.test(board)) throw new HttpError(400, 'bad board id');
    if (what === 'access') {
      if (request.method !== 'GET') throw new HttpError(405, 'use GET');
      if (authSecret === null) sendJson(response, 200, { auth: false });
      else {
        const invite = verifyInvite(authSecret, tokenOf(request), board);
        sendJson(response, 200, { auth: true, role: invite.role, expiresAt: invite.expiresAt });
      }
      return true;
    }
    if (request.method !== 'POST') throw new HttpError(405, 'use POST');
    if (authSecret === null) throw new HttpError(404, 'this relay takes no invites (AUTH_SECRET is not set): share the board link');
    verifyFacilitator(authSecret, tokenOf(request), board);
    const body = await readJson(request);
    // "observer", the viewer's old name, from a tab that still runs the app from before the rename.
    const role = toAccessRole(body.role);
    const { days } = body;
    if (role === null) throw new HttpError(400, `role must be one of ${ACCESS_ROLES.join(', ')}`);
    if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0 || days > MAX_INVITE_DAYS) {
      throw new HttpError(400, `days must be a number from 1 to ${MAX_INVITE_DAYS}`);
    }
    const expiresAt = Date.now() + days * 24 * 60 * 60 * 1000;
    sendJson(response, 201, { token: signInvite(authSecret, { board, role, expiresAt }), role, expiresAt });
    return true;
  };
}
