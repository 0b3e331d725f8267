import { beforeAll, describe, expect, it } from 'vitest';
import { generateQuizzes, type QuizData } from '../../src/lib/quiz/generate';
import type { ValidationResult } from '../../src/lib/validate';
import { realContent } from '../support/content';

let content: ValidationResult;
let data: QuizData;

beforeAll(async () => {
  content = await realContent();
  data = generateQuizzes(content.errnos, content.scenarios, 'test-seed');
});

describe('generateQuizzes', () => {
  it('gives every question 2 to 4 distinct choices and exactly one answer index in range', () => {
    for (const q of data.questions) {
      expect(q.choices.length, q.id).toBeGreaterThanOrEqual(2);
      expect(q.choices.length, q.id).toBeLessThanOrEqual(4);
      expect(new Set(q.choices).size, q.id).toBe(q.choices.length);
      expect(q.answer, q.id).toBeGreaterThanOrEqual(0);
      expect(q.answer, q.id).toBeLessThan(q.choices.length);
      expect(q.explanation.length, q.id).toBeGreaterThan(0);
    }
  });

  it('has unique question ids and every quiz set refers to existing questions', () => {
    const ids = new Set(data.questions.map((q) => q.id));
    expect(ids.size).toBe(data.questions.length);
    for (const set of data.quizzes) {
      expect(set.questions.length, set.id).toBeGreaterThan(0);
      for (const id of set.questions) expect(ids, `${set.id} → ${id}`).toContain(id);
    }
  });

  it('is deterministic for a seed and different for another seed', () => {
    expect(generateQuizzes(content.errnos, content.scenarios, 'test-seed')).toEqual(data);
    const other = generateQuizzes(content.errnos, content.scenarios, 'other-seed');
    expect(other.questions.map((q) => q.answer)).not.toEqual(data.questions.map((q) => q.answer));
  });

  it('asks about every errno entry and every scenario', () => {
    const subjects = new Set(data.questions.map((q) => q.path));
    for (const e of content.errnos) expect(subjects, e.data.name).toContain(`errno/${e.data.name.toLowerCase()}/`);
    for (const s of content.scenarios) {
      if (s.data.timeline.length > 1 || s.data.quiz.length > 0) expect(subjects, s.id).toContain(`scenarios/${s.id}/`);
    }
  });

  it('keeps each right-answer position balanced within one per choice count', () => {
    for (const n of [2, 3, 4]) {
      const tally = Array.from({ length: n }, () => 0);
      for (const q of data.questions) if (q.choices.length === n) tally[q.answer] = (tally[q.answer] ?? 0) + 1;
      if (tally.every((t) => t === 0)) continue;
      expect(Math.max(...tally) - Math.min(...tally), `${n} choices: ${tally}`).toBeLessThanOrEqual(1);
    }
  });

  it('has no ambiguous second right answer in fact questions', () => {
    const byName = new Map(content.errnos.map((e) => [e.data.name, e.data]));
    for (const q of data.questions) {
      const subject = q.id.split(':').at(-1) ?? '';
      const entry = byName.get(subject);
      if (!entry) continue;
      if (q.kind === 'message-to-errno') {
        const matching = q.choices.filter((c) => byName.get(c)?.messages.glibc === entry.messages.glibc);
        expect(matching, q.id).toEqual([entry.name]);
      }
      if (q.id.startsWith('number-to-errno:linux:')) {
        const matching = q.choices.filter((c) => byName.get(c)?.numbers.linux === entry.numbers.linux);
        expect(matching, q.id).toEqual([entry.name]);
      }
      if (q.kind === 'handling') {
        expect(
          q.choices.filter((c) => c === q.choices[q.answer]),
          q.id,
        ).toHaveLength(1);
      }
    }
  });

  it('includes each hand-written question with its author-given answer', () => {
    for (const e of content.errnos) {
      e.data.quiz.forEach((hw, i) => {
        const q = data.questions.find((x) => x.id === `hand-written:${e.data.name}:${i}`);
        expect(q, `${e.data.name} #${i}`).toBeDefined();
        expect(q?.choices[q.answer]).toBe(hw.answer);
        expect([...(q?.choices ?? [])].sort()).toEqual([...hw.choices].sort());
      });
    }
  });

  it('groups questions by topic and difficulty and builds one mixed exam', () => {
    const exam = data.quizzes.find((s) => s.id === 'exam');
    expect(exam?.questions.length).toBeGreaterThan(0);
    expect(exam?.questions.length).toBeLessThanOrEqual(30);
    const topics = new Set(exam?.questions.map((id) => data.questions.find((q) => q.id === id)?.topic));
    expect(topics.size).toBeGreaterThan(2);
    for (const set of data.quizzes.filter((s) => s.id !== 'exam')) {
      for (const id of set.questions) {
        const q = data.questions.find((x) => x.id === id);
        expect(q?.topic).toBe(set.topic);
        expect(q?.difficulty).toBe(set.difficulty);
      }
    }
  });
});
