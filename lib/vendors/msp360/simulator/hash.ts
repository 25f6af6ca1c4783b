// Stateless randomness: a value derived from (seed, plan, occurrence, ...) is the same whenever it is asked for,
// so the world never has to replay history to know how a past run went.
import { createRandom, type Random } from "@/lib/simulator-kit/random";

/** Mixes integers (any size up to 2^53) into one 32-bit hash (murmur3 finalizer per part). */
export function hashInts(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const high = Math.floor(part / 0x1_0000_0000);
    for (const word of [part >>> 0, high >>> 0]) {
      h = Math.imul(h ^ word, 0xcc9e2d51);
      h = (h << 15) | (h >>> 17);
      h = Math.imul(h, 0x1b873593);
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
    }
  }
  return h >>> 0;
}

/** A generator seeded by the hash of `parts`. */
export function randomFor(...parts: number[]): Random {
  return createRandom(hashInts(...parts));
}
