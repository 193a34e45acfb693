/** A small seeded PRNG (mulberry32): the same seed replays the same trials. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

export type Random = ReturnType<typeof prng>;

/** RELIABILITY_SEED when given (to replay a failure), else a fresh one. */
export function seedFromEnv(): number {
  const given = process.env.RELIABILITY_SEED;
  return given ? Number(given) : Math.floor(Math.random() * 2 ** 31);
}
