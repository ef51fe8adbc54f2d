/**
 * A seeded random source (mulberry32): the forecast draws from it, so that
 * a seed gives the same forecast on every machine and in tests.
 */
export interface Random {
  /** The next number, uniform in [0, 1). */
  (): number;
  /**
   * Optional bulk form: fills `out` with the next `out.length` numbers as 32-bit words (each number × 2³²), the
   * same sequence calling the source would give. The forecast draws millions of numbers; one call per number
   * costs it more than the drawing does.
   */
  fillWords?: (out: Uint32Array) => void;
}

/** mulberry32: the state advances by a constant; each number is the new state, scrambled. */
const STEP = 0x6d2b79f5;

export function seededRandom(seed: number): Random {
  // In a typed array rather than a closure variable: a state past 2³⁰ would be boxed anew on every call.
  const state = new Int32Array([seed]);
  const random: Random = () => (scramble((state[0] = (state[0]! + STEP) | 0)) >>> 0) / 4294967296;
  random.fillWords = (out) => fillWords(state, out);
  return random;
}

/** One function for every source's bulk draws, so that the engine optimizes it once, not once per seed. */
function fillWords(state: Int32Array, out: Uint32Array): void {
  let s = state[0]!;
  // The state after the lot, stored before the loop: stored after it, the store had never run when the engine
  // optimized the loop in the middle of the first call, and every later call stopped there to deoptimize.
  state[0] = (s + Math.imul(out.length, STEP)) | 0;
  // Stored as is: the array keeps the word's 32 bits (making it unsigned first, >>> 0, measured twice as slow).
  for (let i = 0; i < out.length; i++) out[i] = scramble((s = (s + STEP) | 0));
}

/** The next number as a signed 32-bit word. */
function scramble(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return t ^ (t >>> 14);
}
