// @ts-check
/**
 * Seeded randomness for the traffic simulator. Every simulated viewer draws from a stream of its
 * own, derived from (seed, viewer number), so a run with the same seed plays the same viewers with
 * the same hidden choices whatever the timing, concurrency or server answers in between.
 */

/**
 * MurmurHash3's 32-bit finaliser: spreads the bits of `h`.
 * @param {number} h
 */
function mix32(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Mulberry32: a small, fast 32-bit generator with a full 2^32 period, plenty for a simulation.
 * @param {number} state
 * @returns {() => number} uniform numbers in [0, 1)
 */
export function mulberry32(state) {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The random stream of one viewer.
 * @param {number} seed
 * @param {number} index the viewer's number in the run
 */
export function viewerStream(seed, index) {
  return mulberry32(mix32(mix32(seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b1)));
}

/**
 * Random bytes drawn from a stream (for event ids).
 * @param {() => number} random
 * @returns {(n: number) => Uint8Array}
 */
export function bytesFrom(random) {
  return (n) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
}

/**
 * Picks one item by weight.
 * @template T
 * @param {() => number} random
 * @param {readonly {weight: number, value: T}[]} choices
 * @returns {T}
 */
export function weighted(random, choices) {
  const total = choices.reduce((sum, c) => sum + c.weight, 0);
  let x = random() * total;
  for (const c of choices) {
    x -= c.weight;
    if (x < 0) {
      return c.value;
    }
  }
  return choices[choices.length - 1].value;
}
