import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  exportProgress,
  importProgress,
  mergeProgress,
  PROGRESS_VERSION,
  readProgress,
  review,
  studyQueue,
  writeProgress,
} from '../../src/lib/flashcards/progress';

const day0 = new Date('2026-11-20T10:00:00Z');
const later = (days: number) => new Date(day0.getTime() + days * 86_400_000);

describe('readProgress', () => {
  it('starts empty when nothing is stored', () => {
    expect(readProgress(null)).toEqual({ progress: emptyProgress() });
  });

  it('round-trips what writeProgress stored', () => {
    const p = review(emptyProgress(), 'errno:EPIPE', Rating.Good, day0);
    expect(readProgress(writeProgress(p))).toEqual({ progress: p });
  });

  it('reports, rather than silently drops, data it cannot read', () => {
    for (const raw of [
      '{not json',
      '[]',
      '{"cards":{}}',
      '{"version":"1","cards":{}}',
      '{"version":1}',
      '{"version":1,"cards":[]}',
    ]) {
      const r = readProgress(raw);
      expect(r.problem, raw).toBeDefined();
      expect(r.progress).toEqual(emptyProgress());
    }
  });

  it('sets aside data from a newer version instead of guessing', () => {
    const r = readProgress(JSON.stringify({ version: PROGRESS_VERSION + 1, cards: {} }));
    expect(r.problem).toMatch(/newer/);
  });

  it('keeps the readable cards when some are damaged, and says how many were not', () => {
    const good = review(emptyProgress(), 'a', Rating.Good, day0).cards.a;
    const r = readProgress(JSON.stringify({ version: 1, cards: { a: good, b: { due: 'yesterday' } } }));
    expect(Object.keys(r.progress.cards)).toEqual(['a']);
    expect(r.problem).toBe('1 saved card could not be read.');
  });
});

describe('review', () => {
  it('schedules a card further out the better it was remembered', () => {
    const p = emptyProgress();
    const again = review(p, 'x', Rating.Again, day0).cards.x;
    const good = review(p, 'x', Rating.Good, day0).cards.x;
    const easy = review(p, 'x', Rating.Easy, day0).cards.x;
    expect(Date.parse(again?.due ?? '')).toBeLessThanOrEqual(Date.parse(good?.due ?? ''));
    expect(Date.parse(good?.due ?? '')).toBeLessThan(Date.parse(easy?.due ?? ''));
    expect(easy?.reps).toBe(1);
  });

  it('is deterministic (no fuzz), so two tabs agree', () => {
    expect(review(emptyProgress(), 'x', Rating.Good, day0)).toEqual(review(emptyProgress(), 'x', Rating.Good, day0));
  });
});

describe('mergeProgress', () => {
  it('keeps, per card, the later review, so concurrent tabs lose nothing', () => {
    const tabA = review(emptyProgress(), 'a', Rating.Good, day0);
    const tabB = review(review(emptyProgress(), 'b', Rating.Easy, day0), 'a', Rating.Again, later(1));
    const merged = mergeProgress(tabA, tabB);
    expect(Object.keys(merged.cards).sort()).toEqual(['a', 'b']);
    expect(merged.cards.a).toEqual(tabB.cards.a);
    expect(mergeProgress(tabB, tabA)).toEqual(merged);
  });
});

describe('export and import', () => {
  it('round-trips through the export file', () => {
    const p = review(emptyProgress(), 'errno:EPIPE', Rating.Hard, day0);
    expect(importProgress(exportProgress(p, day0))).toEqual(p);
  });

  it('rejects files that are not an export, with a message', () => {
    expect(() => importProgress('hello')).toThrow('That file is not JSON.');
    expect(() => importProgress('{"version":1,"cards":{}}')).toThrow(/not a sockerr flashcard export/);
  });
});

describe('studyQueue', () => {
  it('lists due cards earliest first, then unseen cards up to the limit', () => {
    let p = review(emptyProgress(), 'a', Rating.Good, day0);
    p = review(p, 'b', Rating.Again, day0);
    const { due, fresh } = studyQueue(['a', 'b', 'c', 'd', 'e'], p, later(30), 2);
    expect(due).toEqual(['b', 'a']);
    expect(fresh).toEqual(['c', 'd']);
    expect(studyQueue(['a', 'b'], p, day0).due).toEqual([]);
  });
});
