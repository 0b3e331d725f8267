import type { Random } from '../random';

/**
 * Where the right answer goes in each question, given each question's number of choices.
 * Positions are dealt from shuffled blocks (one block = every position once), kept per
 * choice count, so each position is used equally often (within one) yet unpredictably.
 */
export function balancedPositions(choiceCounts: readonly number[], rng: Random): number[] {
  const decks = new Map<number, number[]>();
  return choiceCounts.map((n) => {
    let deck = decks.get(n);
    if (!deck || deck.length === 0) {
      deck = rng.shuffle(Array.from({ length: n }, (_, i) => i));
      decks.set(n, deck);
    }
    return deck.pop() ?? 0;
  });
}
