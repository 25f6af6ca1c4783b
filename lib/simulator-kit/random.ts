// Deterministic randomness for the vendor simulators: the same seed builds the same world.

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability: number): boolean => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
    /** Picks by weight: `weighted([["a", 3], ["b", 1]])` gives "a" three times as often. */
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    /** A GUID in the 8-4-4-4-12 form .NET prints, drawn from this generator. */
    uuid: (): string => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join("");
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
    hex: (length: number): string => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join(""),
  };
}

export type Random = ReturnType<typeof createRandom>;
