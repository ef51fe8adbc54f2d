/**
 * Fractional order keys: the one module that makes and checks them.
 *
 * Keys come from the `fractional-indexing` library (base-62 digits, compared
 * as plain code-unit strings). On top of it this module adds two things:
 *
 * - Jitter. Two people inserting into the same gap at once would get the very
 *   same midpoint key from the library, and their items would tie. We append
 *   a few random digits to the midpoint, so concurrent inserts almost always
 *   get distinct keys. Ties can still happen (and keys written by other
 *   software can be anything), so `placement.ts` repairs them; jitter only
 *   makes repairs rare.
 *
 * - Clusters. Several keys made in one call (a block move) all share one
 *   jittered prefix K: the first key is K itself and the others lie strictly
 *   between K and K with its last digit incremented. Every string in that
 *   interval starts with K, so a block occupies a narrow interval of its own.
 *   Another person moving a block into the same gap at the same time gets a
 *   different prefix, and the two blocks cannot interleave.
 */
import { BASE_62_DIGITS, generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** Longest key the model writes. Longer keys trigger a re-spacing of neighbours. */
export const MAX_KEY_LENGTH = 64;

/** Random digits appended to a midpoint: 60^3 = 216,000 choices. */
const JITTER_DIGITS = 3;

/**
 * Jitter digits exclude '0' (a key may not end in '0') and 'z' (the cluster's
 * upper bound increments the last digit, which 'z' has no room for).
 */
const JITTER_ALPHABET = BASE_62_DIGITS.slice(1, -1);

/** Whether `key` is a well-formed fractional-indexing key. */
export function isValidOrderKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

export type RandomSource = () => number;

function randomDigits(count: number, random: RandomSource): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    out += JITTER_ALPHABET[Math.floor(random() * JITTER_ALPHABET.length)];
  }
  return out;
}

/** The smallest string above every string that starts with `key`, when there is one short enough. */
function clusterCeiling(key: string): string | null {
  const last = BASE_62_DIGITS.indexOf(key[key.length - 1] ?? '');
  if (last < 0 || last >= BASE_62_DIGITS.length - 1) return null;
  return key.slice(0, -1) + BASE_62_DIGITS[last + 1];
}

/**
 * A key strictly inside (low, high) that ends in random digits and is not a
 * prefix of `high`. Appending digits to the library's midpoint m stays below
 * `high` unless m is a prefix of `high`; then the search moves up to
 * (m, high) and tries again. After a few tries the plain midpoint is used.
 */
function jitteredKeyBetween(low: string | null, high: string | null, random: RandomSource): string {
  let lowBound = low;
  for (let attempt = 0; attempt < 4; attempt++) {
    const midpoint = generateKeyBetween(lowBound, high);
    const jittered = midpoint + randomDigits(JITTER_DIGITS, random);
    if (high === null || (jittered < high && !high.startsWith(jittered))) return jittered;
    lowBound = midpoint;
  }
  return generateKeyBetween(low, high);
}

/**
 * `count` distinct keys, ascending, strictly between `low` and `high` (null
 * means open-ended). Both bounds must be valid keys with `low < high`.
 * The keys may exceed MAX_KEY_LENGTH; the caller decides what to do then.
 */
export function keysBetween(
  low: string | null,
  high: string | null,
  count: number,
  random: RandomSource = Math.random,
): string[] {
  if (count <= 0) return [];
  const head = jitteredKeyBetween(low, high, random);
  if (count === 1) return [head];
  const ceiling = clusterCeiling(head);
  if (ceiling === null || (high !== null && ceiling > high)) {
    // No room for a cluster: fall back to evenly spread keys (still correct,
    // only without the no-interleaving guarantee for concurrent block moves).
    return generateNKeysBetween(low, high, count);
  }
  return [head, ...generateNKeysBetween(head, ceiling, count - 1)];
}
