import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of randomness: the only kind generated data may use. */
export interface Random {
  /** An integer in [from, to], both included. */
  int(from: number, to: number): number;
  /** A shuffled copy of the items (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** Up to n distinct items, in random order; O(n) when n is small next to the list. */
  sample<T>(items: readonly T[], n: number): T[];
}

/** Hash a string to a 32-bit seed (FNV-1a), so seeds can be words like "sockerr-1". */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Scramble a 32-bit seed (murmur3's finaliser): nearby seeds must not give nearby streams. */
function mix(h: number): number {
  let x = h >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Create a deterministic random source from a numeric or string seed. */
export function createRandom(seed: number | string): Random {
  // xoroshiro128+ seeded with consecutive integers gives correlated first draws.
  const rng = xoroshiro128plus(mix(typeof seed === 'number' ? seed : seedOf(seed)));
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  const sample = <T>(items: readonly T[], n: number): T[] => {
    if (n * 4 >= items.length) return shuffle(items).slice(0, n);
    // Few from many: draw indices instead of shuffling the whole list.
    const picked = new Set<number>();
    while (picked.size < n) picked.add(int(0, items.length - 1));
    return [...picked].map((i) => items[i] as T);
  };
  return { int, shuffle, sample };
}
