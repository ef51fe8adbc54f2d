/**
 * The WebCrypto implementation of sealed votes exactly as it shipped before
 * votes were sealed with @noble (shared/grooming/seal.ts, up to commit
 * 3137d3e). Kept only for tests: votes stored in existing boards were sealed
 * by this code, and must still open; votes sealed now must still open in a
 * tab running the old code. Node has crypto.subtle, so it runs here.
 */
import type { PrivateKey, PublicKey, SealedVote, VoteContext } from '../../shared/grooming/seal.js';

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const PADDED_BYTES = 64;
const INFO = new TextEncoder().encode('refinement-board sealed vote v1');

const subtle = () => globalThis.crypto.subtle;

// Base64 through Node's Buffer: the bytes are the same as the btoa/atob loops the browser code used.
const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

function publicPart(key: JsonWebKey): PublicKey {
  return { kty: key.kty, crv: key.crv, x: key.x, y: key.y };
}

/** A round's key pair, made by the relay. */
export async function generateRoundKeys(): Promise<{ publicKey: PublicKey; privateKey: PrivateKey }> {
  const pair = (await subtle().generateKey(CURVE, true, ['deriveBits'])) as CryptoKeyPair;
  const privateKey = await subtle().exportKey('jwk', pair.privateKey);
  return { publicKey: publicPart(privateKey), privateKey: { ...publicPart(privateKey), d: privateKey.d } };
}

async function voteKey(ours: CryptoKey, theirs: PublicKey, usage: KeyUsage): Promise<CryptoKey> {
  const their = await subtle().importKey('jwk', { ...theirs, ext: true }, CURVE, false, []);
  const secret = await subtle().deriveBits({ name: 'ECDH', public: their }, ours, 256);
  const material = await subtle().importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: INFO }, material, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

function additionalData({ roundId, voter }: VoteContext): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${roundId}\n${voter}`);
}

export async function sealVote(roundKey: PublicKey, card: string, context: VoteContext): Promise<SealedVote> {
  const bytes = new TextEncoder().encode(card);
  if (bytes.length === 0 || bytes.length >= PADDED_BYTES) throw new Error(`a card must be 1 to ${PADDED_BYTES - 1} bytes long`);
  const padded = new Uint8Array(PADDED_BYTES);
  padded[0] = bytes.length;
  padded.set(bytes, 1);
  const ephemeral = (await subtle().generateKey(CURVE, true, ['deriveBits'])) as CryptoKeyPair;
  const key = await voteKey(ephemeral.privateKey, roundKey, 'encrypt');
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(context) }, key, padded);
  return { epk: publicPart(await subtle().exportKey('jwk', ephemeral.publicKey)), iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** The card inside a sealed vote. Throws if the vote was not made for this round and voter, or was altered. */
export async function openVote(roundKey: PrivateKey, sealed: SealedVote, context: VoteContext): Promise<string> {
  const ours = await subtle().importKey('jwk', { ...roundKey, ext: true }, CURVE, false, ['deriveBits']);
  const key = await voteKey(ours, sealed.epk, 'decrypt');
  const padded = new Uint8Array(
    await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: additionalData(context) }, key, fromBase64(sealed.ct)),
  );
  const length = padded[0]!;
  if (padded.length !== PADDED_BYTES || length === 0 || length >= PADDED_BYTES) throw new Error('a sealed vote has a bad length');
  return new TextDecoder().decode(padded.subarray(1, 1 + length));
}
