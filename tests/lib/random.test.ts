import { describe, expect, it } from 'vitest';
import { balancedPositions } from '../../src/lib/quiz/positions';
import { createRandom, seedOf } from '../../src/lib/random';

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRandom('x');
    const b = createRandom('x');
    const c = createRandom('y');
    const seqA = Array.from({ length: 20 }, () => a.int(0, 1000));
    expect(Array.from({ length: 20 }, () => b.int(0, 1000))).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.int(0, 1000))).not.toEqual(seqA);
  });

  it('shuffles into a permutation of the input, for many seeds and sizes', () => {
    for (let seed = 0; seed < 200; seed++) {
      const items = Array.from({ length: seed % 17 }, (_, i) => i * 3);
      const shuffled = createRandom(seed).shuffle(items);
      expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    }
  });

  it('moves every item to every position over many seeds (no stuck positions)', () => {
    const seen = Array.from({ length: 4 }, () => new Set<number>());
    for (let seed = 0; seed < 200; seed++) {
      createRandom(seed)
        .shuffle([0, 1, 2, 3])
        .forEach((v, i) => {
          seen[i]?.add(v);
        });
    }
    for (const s of seen) expect(s.size).toBe(4);
  });
});

describe('seedOf', () => {
  it('hashes strings to stable 32-bit seeds', () => {
    expect(seedOf('sockerr')).toBe(seedOf('sockerr'));
    expect(seedOf('a')).not.toBe(seedOf('b'));
    expect(seedOf('anything')).toBeLessThan(2 ** 32);
  });
});

describe('balancedPositions', () => {
  it('uses each position equally often, within one, per choice count', () => {
    const counts = Array.from({ length: 301 }, (_, i) => [2, 3, 4][i % 3] ?? 4);
    const positions = balancedPositions(counts, createRandom(7));
    for (const n of [2, 3, 4]) {
      const tally = Array.from({ length: n }, () => 0);
      positions.forEach((p, i) => {
        if (counts[i] === n) tally[p] = (tally[p] ?? 0) + 1;
      });
      expect(Math.max(...tally) - Math.min(...tally)).toBeLessThanOrEqual(1);
      positions.forEach((p, i) => {
        if (counts[i] === n) expect(p).toBeLessThan(n);
      });
    }
  });
});
