/*
 * Flashcard progress: the learner's own data, kept in the browser's localStorage.
 *
 * Stored shape (key PROGRESS_KEY), version 1:
 *   {
 *     "version": 1,
 *     "cards": {
 *       "<card id from flashcards.json>": {
 *         "due": "2026-11-22T10:00:00.000Z",   // next review (ISO 8601)
 *         "stability": 3.17, "difficulty": 5.28, // FSRS memory state (ts-fsrs)
 *         "scheduled_days": 3, "learning_steps": 0,
 *         "reps": 2, "lapses": 0,
 *         "state": 2,                          // 0 new, 1 learning, 2 review, 3 relearning
 *         "last_review": "2026-11-19T10:00:00.000Z"
 *       }
 *     }
 *   }
 *
 * Lifecycle: read → parse → migrate to the current version → use; every write re-reads
 * what is stored and merges it first (per card, the later review wins), so two open tabs
 * never overwrite each other's reviews. Data that cannot be read is never dropped: the
 * caller stores the raw text under a "set aside" key and tells the learner. A version newer
 * than this code is set aside the same way rather than guessed at.
 *
 * Migrations: MIGRATIONS[n] turns version n into n + 1. Version 1 is the first stored
 * shape, so the table is empty today; a change to the shape bumps PROGRESS_VERSION and adds
 * the step that converts old data.
 */
import { type Card, createEmptyCard, fsrs, type Grade, type State } from 'ts-fsrs';
import * as z from 'zod/mini';

/** localStorage key of the progress. */
export const PROGRESS_KEY = 'sockerr.flashcards.v1';
/** Prefix of keys that hold data set aside because it could not be read. */
export const SET_ASIDE_PREFIX = 'sockerr.flashcards.set-aside.';
/** Current version of the stored shape. */
export const PROGRESS_VERSION = 1;

const iso = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'));
const cardState = z.object({
  due: iso,
  stability: z.number(),
  difficulty: z.number(),
  scheduled_days: z.number(),
  learning_steps: z.number(),
  reps: z.number(),
  lapses: z.number(),
  state: z.number().check(z.refine((n) => n >= 0 && n <= 3 && Number.isInteger(n), 'not a state')),
  last_review: z.optional(iso),
});
/** One card's scheduling state as stored. */
export type StoredCard = z.infer<typeof cardState>;

const progressShape = z.object({ version: z.literal(PROGRESS_VERSION), cards: z.record(z.string(), cardState) });
/** The progress as stored and used. */
export type Progress = z.infer<typeof progressShape>;

const MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

/** An empty progress. */
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, cards: {} };
}

/** The outcome of reading stored progress. */
export interface ReadResult {
  progress: Progress;
  /** Set when some or all of the stored data could not be used; the raw text must be kept aside. */
  problem?: string;
}

/** Parse stored text (null when nothing is stored), migrating old versions; never throws. */
export function readProgress(raw: string | null): ReadResult {
  if (raw === null || raw === '') return { progress: emptyProgress() };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { progress: emptyProgress(), problem: 'The saved progress is not valid JSON.' };
  }
  let version = (data as { version?: unknown } | null)?.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { progress: emptyProgress(), problem: 'The saved progress has no version number.' };
  }
  if (version > PROGRESS_VERSION) {
    return { progress: emptyProgress(), problem: `The saved progress is from a newer sockerr (version ${version}).` };
  }
  while (version < PROGRESS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { progress: emptyProgress(), problem: `No way to upgrade saved progress of version ${version}.` };
    data = step(data);
    version += 1;
  }
  const cards = (data as { cards?: unknown }).cards;
  if (cards === null || typeof cards !== 'object' || Array.isArray(cards)) {
    return { progress: emptyProgress(), problem: 'The saved progress has no card list.' };
  }
  // Keep every card that reads; report the ones that do not instead of failing everything.
  const good: Progress['cards'] = {};
  let bad = 0;
  for (const [id, value] of Object.entries(cards)) {
    const parsed = cardState.safeParse(value);
    if (parsed.success) good[id] = parsed.data;
    else bad++;
  }
  const progress = progressShape.parse({ version: PROGRESS_VERSION, cards: good });
  return bad === 0
    ? { progress }
    : { progress, problem: `${bad} saved card${bad === 1 ? '' : 's'} could not be read.` };
}

/** Serialise progress for storage. */
export function writeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

function reviewedAt(c: StoredCard | undefined): number {
  return c?.last_review ? Date.parse(c.last_review) : -1;
}

/** Merge two progresses card by card: the later review wins, more reviews break ties. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const cards: Progress['cards'] = { ...a.cards };
  for (const [id, theirs] of Object.entries(b.cards)) {
    const ours = cards[id];
    const newer =
      !ours ||
      reviewedAt(theirs) > reviewedAt(ours) ||
      (reviewedAt(theirs) === reviewedAt(ours) && theirs.reps > ours.reps);
    if (newer) cards[id] = theirs;
  }
  return { version: PROGRESS_VERSION, cards };
}

/** The export file: the progress with a header that says what it is. */
export function exportProgress(progress: Progress, now: Date): string {
  return `${JSON.stringify({ app: 'sockerr', kind: 'flashcard-progress', exportedAt: now.toISOString(), ...progress }, null, 2)}\n`;
}

/** Read an export file; throws an Error with a readable message when it is not one. */
export function importProgress(text: string): Progress {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('That file is not JSON.');
  }
  if ((data as { kind?: unknown } | null)?.kind !== 'flashcard-progress') {
    throw new Error('That file is not a sockerr flashcard export.');
  }
  const { app: _a, kind: _k, exportedAt: _e, ...rest } = data as Record<string, unknown>;
  const result = readProgress(JSON.stringify(rest));
  if (result.problem && Object.keys(result.progress.cards).length === 0) throw new Error(result.problem);
  return result.progress;
}

// Fuzz off: the same review on the same day always gives the same interval, so tests and
// two tabs agree.
const scheduler = fsrs({ enable_fuzz: false });

function toCard(c: StoredCard | undefined, now: Date): Card {
  if (!c) return createEmptyCard(now);
  return {
    ...c,
    due: new Date(c.due),
    elapsed_days: 0,
    state: c.state as State,
    ...(c.last_review ? { last_review: new Date(c.last_review) } : {}),
  } as Card;
}

function fromCard(card: Card): StoredCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
  };
}

/** Record a review of one card with FSRS and return the new progress. */
export function review(progress: Progress, cardId: string, grade: Grade, now: Date): Progress {
  const next = scheduler.next(toCard(progress.cards[cardId], now), now, grade);
  return { version: PROGRESS_VERSION, cards: { ...progress.cards, [cardId]: fromCard(next.card) } };
}

/** Cards due now (reviewed before, due date passed), earliest first, and cards never seen. */
export function studyQueue(
  cardIds: readonly string[],
  progress: Progress,
  now: Date,
  newLimit = 20,
): { due: string[]; fresh: string[] } {
  const due = cardIds
    .filter((id) => {
      const c = progress.cards[id];
      return c !== undefined && Date.parse(c.due) <= now.getTime();
    })
    .sort((a, b) => Date.parse(progress.cards[a]?.due ?? '') - Date.parse(progress.cards[b]?.due ?? ''));
  const fresh = cardIds.filter((id) => progress.cards[id] === undefined).slice(0, newLimit);
  return { due, fresh };
}
