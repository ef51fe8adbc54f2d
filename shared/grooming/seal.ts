/**
 * Sealed votes: a vote is encrypted to its round's public key, so nobody
 * can read it, from the document or from the wire, until the relay
 * publishes the round's private key at the reveal (docs/poker.md).
 *
 * ECIES: a fresh ECDH P-256 key pair per vote, HKDF-SHA-256 of the shared
 * secret (its x coordinate) to an AES-256-GCM key, and the round id and
 * voter as additional data, so a sealed vote cannot be replayed into
 * another round or another voter's seat. The card is padded to a fixed
 * length, so the ciphertext's size says nothing about which card it is.
 * Keys travel as JWK, the vote as base64 IV and ciphertext with its tag.
 *
 * The arithmetic is the audited pure-JavaScript @noble libraries, not
 * WebCrypto: browsers give `crypto.subtle` to secure contexts only (HTTPS
 * and localhost), and a teammate who opens the relay at
 * http://<LAN address> has none. Only `crypto.getRandomValues`, which every
 * context has, is needed. The scheme and the bytes are those of the
 * WebCrypto version that came before, so votes it sealed still open
 * (test/unit/seal.test.ts checks both ways).
 */
import { gcm } from '@noble/ciphers/aes.js';
import { p256 } from '@noble/curves/nist.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';

const PADDED_BYTES = 64;
const COORDINATE_BYTES = 32;
const INFO = new TextEncoder().encode('refinement-board sealed vote v1');

/** A P-256 public key as a JWK (`kty: 'EC'`, `crv: 'P-256'`, base64url coordinates). */
export interface PublicKey {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
}
export type PrivateKey = PublicKey & { d?: string };

export interface SealedVote {
  /** The vote's ephemeral public key. */
  epk: PublicKey;
  iv: string;
  ct: string;
}

export interface VoteContext {
  roundId: string;
  voter: string;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const toBase64Url = (bytes: Uint8Array) => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (text: string) => fromBase64(text.replace(/-/g, '+').replace(/_/g, '/'));

/** A JWK field holding one 32-byte number. */
function coordinate(key: PrivateKey, field: 'x' | 'y' | 'd'): Uint8Array {
  const text = key[field];
  const bytes = typeof text === 'string' && /^[A-Za-z0-9_-]{43}$/.test(text) ? fromBase64Url(text) : null;
  if (bytes?.length !== COORDINATE_BYTES) throw new Error(`a P-256 key needs a 32-byte ${field}`);
  return bytes;
}

/** The uncompressed point (0x04 ‖ x ‖ y) of a JWK public key; noble checks that it lies on the curve. */
function publicPoint(key: PublicKey): Uint8Array {
  if (key.kty !== 'EC' || key.crv !== 'P-256') throw new Error('a sealed-vote key must be an EC P-256 key');
  const point = new Uint8Array(1 + 2 * COORDINATE_BYTES);
  point[0] = 4;
  point.set(coordinate(key, 'x'), 1);
  point.set(coordinate(key, 'y'), 1 + COORDINATE_BYTES);
  return point;
}

function publicJwk(secretKey: Uint8Array): PublicKey {
  const point = p256.getPublicKey(secretKey, false);
  return { kty: 'EC', crv: 'P-256', x: toBase64Url(point.subarray(1, 33)), y: toBase64Url(point.subarray(33, 65)) };
}

/** A round's key pair, made by the relay. */
export async function generateRoundKeys(): Promise<{ publicKey: PublicKey; privateKey: PrivateKey }> {
  const secretKey = p256.utils.randomSecretKey();
  const publicKey = publicJwk(secretKey);
  return { publicKey, privateKey: { ...publicKey, d: toBase64Url(secretKey) } };
}

/** The AES-256-GCM key of a vote: HKDF-SHA-256 (empty salt) of the ECDH shared x coordinate, as WebCrypto's deriveBits(256) gave it. */
function voteKey(ours: Uint8Array, theirs: PublicKey): Uint8Array {
  const shared = p256.getSharedSecret(ours, publicPoint(theirs), true).subarray(1);
  return hkdf(sha256, shared, new Uint8Array(0), INFO, 32);
}

function additionalData({ roundId, voter }: VoteContext): Uint8Array {
  return new TextEncoder().encode(`${roundId}\n${voter}`);
}

export async function sealVote(roundKey: PublicKey, card: string, context: VoteContext): Promise<SealedVote> {
  const bytes = new TextEncoder().encode(card);
  if (bytes.length === 0 || bytes.length >= PADDED_BYTES) throw new Error(`a card must be 1 to ${PADDED_BYTES - 1} bytes long`);
  const padded = new Uint8Array(PADDED_BYTES);
  padded[0] = bytes.length;
  padded.set(bytes, 1);
  const ephemeral = p256.utils.randomSecretKey();
  const key = voteKey(ephemeral, roundKey);
  const iv = randomBytes(12);
  const ct = gcm(key, iv, additionalData(context)).encrypt(padded);
  return { epk: publicJwk(ephemeral), iv: toBase64(iv), ct: toBase64(ct) };
}

/** The card inside a sealed vote. Throws if the vote was not made for this round and voter, or was altered. */
export async function openVote(roundKey: PrivateKey, sealed: SealedVote, context: VoteContext): Promise<string> {
  const key = voteKey(coordinate(roundKey, 'd'), sealed.epk);
  const padded = gcm(key, fromBase64(sealed.iv), additionalData(context)).decrypt(fromBase64(sealed.ct));
  const length = padded[0]!;
  if (padded.length !== PADDED_BYTES || length === 0 || length >= PADDED_BYTES) throw new Error('a sealed vote has a bad length');
  return new TextDecoder().decode(padded.subarray(1, 1 + length));
}

export function isSealedVote(value: unknown): value is SealedVote {
  const v = value as SealedVote | null;
  return typeof v?.iv === 'string' && typeof v.ct === 'string' && typeof v.epk?.x === 'string' && typeof v.epk.y === 'string';
}
