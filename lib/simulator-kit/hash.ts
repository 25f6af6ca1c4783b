// Stateless randomness for the simulators: a value derived from a hash of (seed, ids, times) is the same whenever
// it is asked for, so a world never stores or replays a random stream to stay deterministic, and catching up on a
// day costs one hash per run.
import { createRandom, type Random } from "./random";

/** Mixes integers (any size up to 2^53, e.g. epoch milliseconds) into one unsigned 32-bit hash (murmur3 per 32-bit word). */
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

/** A number in [0, 1) drawn from the hash of `parts`. */
export function hashUnit(...parts: number[]): number {
  return hashInts(...parts) / 0x1_0000_0000;
}

/** FNV-1a of a string, to feed text (paths, names) into `hashInts`. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator seeded by the hash of `parts`, for drawing several values at once. */
export function randomFor(...parts: number[]): Random {
  return createRandom(hashInts(...parts));
}
