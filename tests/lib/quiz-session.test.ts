import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/quiz/generate';
import { answer, currentQuestion, misses, retryMisses, score, startSession } from '../../src/lib/quiz/session';

const q = (id: string, right: number): Question => ({
  id,
  kind: 'message-to-errno',
  topic: 'data-transfer',
  difficulty: 'easy',
  prompt: `${id}?`,
  choices: ['A', 'B', 'C'],
  answer: right,
  explanation: 'because',
  path: 'errno/epipe/',
});

describe('quiz session', () => {
  it('walks through the questions, scoring each answer', () => {
    let s = startSession([q('one', 0), q('two', 2), q('three', 1)]);
    expect(currentQuestion(s)?.id).toBe('one');
    s = answer(s, 0);
    s = answer(s, 1);
    s = answer(s, 1);
    expect(currentQuestion(s)).toBeNull();
    expect(score(s)).toEqual({ right: 2, total: 3 });
    expect(misses(s).map((x) => x.id)).toEqual(['two']);
  });

  it('retries only the missed questions', () => {
    let s = startSession([q('one', 0), q('two', 2)]);
    s = answer(answer(s, 1), 2);
    const retry = retryMisses(s);
    expect(retry.questions.map((x) => x.id)).toEqual(['one']);
    expect(retry.answers).toEqual([]);
  });

  it('rejects a choice out of range and an answer after the end', () => {
    const s = startSession([q('one', 0)]);
    expect(() => answer(s, 3)).toThrow(RangeError);
    expect(() => answer(s, -1)).toThrow(RangeError);
    expect(() => answer(answer(s, 0), 0)).toThrow(/over/);
  });
});
