// Seeded randomness shared by the benchmark corpus, the noise generators and property tests:
// the same seed gives the same sequence, so any run can be replayed.

/** mulberry32: a tiny, fast 32-bit generator of floats in [0, 1); good enough for test data. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
