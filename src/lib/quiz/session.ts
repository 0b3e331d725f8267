import type { Question } from './generate';

/** One answered question in a session. */
export interface Answer {
  questionId: string;
  choice: number;
  correct: boolean;
}

/** A quiz in progress: the questions in order and the answers so far. Immutable. */
export interface QuizSession {
  questions: readonly Question[];
  answers: readonly Answer[];
}

/** Start a session over the given questions. */
export function startSession(questions: readonly Question[]): QuizSession {
  return { questions, answers: [] };
}

/** The question waiting for an answer, or null when the session is over. */
export function currentQuestion(s: QuizSession): Question | null {
  return s.questions[s.answers.length] ?? null;
}

/** Answer the current question; a choice out of range or a finished session is an error. */
export function answer(s: QuizSession, choice: number): QuizSession {
  const q = currentQuestion(s);
  if (!q) throw new Error('the quiz is over');
  if (!Number.isInteger(choice) || choice < 0 || choice >= q.choices.length) {
    throw new RangeError(`choice ${choice} is not one of ${q.choices.length}`);
  }
  return { ...s, answers: [...s.answers, { questionId: q.id, choice, correct: choice === q.answer }] };
}

/** Right answers so far and questions in the session. */
export function score(s: QuizSession): { right: number; total: number } {
  return { right: s.answers.filter((a) => a.correct).length, total: s.questions.length };
}

/** The questions answered wrongly, in the order they were asked. */
export function misses(s: QuizSession): Question[] {
  const wrong = new Set(s.answers.filter((a) => !a.correct).map((a) => a.questionId));
  return s.questions.filter((q) => wrong.has(q.id));
}

/** A new session over just the missed questions. */
export function retryMisses(s: QuizSession): QuizSession {
  return startSession(misses(s));
}
