// Stateless randomness: outcomes, sizes and durations are derived from a hash of (seed, ids, times), so the world
// never has to store or replay a random stream to stay deterministic, and catching up on a day costs one hash per run.

/** murmur3's finaliser: spreads every input bit over the 32-bit result. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes numbers (integers up to 2^53, e.g. epoch milliseconds) into an unsigned 32-bit value. */
export function hash32(...values: number[]): number {
  let h = 0x9747b28c;
  for (const value of values) {
    const low = value >>> 0;
    const high = Math.floor(value / 4294967296) >>> 0;
    h = fmix(h ^ low) + 0x6b43a9b5;
    h = fmix(h ^ high);
  }
  return h;
}

/** A number in [0, 1) drawn from the hash of the inputs. */
export function hashUnit(...values: number[]): number {
  return hash32(...values) / 4294967296;
}


/** FNV-1a of a string, to feed text (paths, names) into `hash32`. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
