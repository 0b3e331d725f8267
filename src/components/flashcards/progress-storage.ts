import {
  mergeProgress,
  PROGRESS_KEY,
  type Progress,
  readProgress,
  SET_ASIDE_PREFIX,
  writeProgress,
} from '../../lib/flashcards/progress';

/** Load progress from localStorage; unreadable data is copied aside first and reported. */
export function load(): { progress: Progress; message?: string } {
  const raw = safeGet(PROGRESS_KEY);
  const { progress, problem } = readProgress(raw);
  if (!problem) return { progress };
  const key = `${SET_ASIDE_PREFIX}${new Date().toISOString()}`;
  safeSet(key, raw ?? '');
  return {
    progress,
    message: `${problem} It was kept under “${key}” in this browser's storage, not deleted; export or import your progress to recover.`,
  };
}

/** Save progress, merging with whatever another tab stored meanwhile. Returns the merged result. */
export function save(progress: Progress): Progress {
  const stored = readProgress(safeGet(PROGRESS_KEY)).progress;
  const merged = mergeProgress(stored, progress);
  if (!safeSet(PROGRESS_KEY, writeProgress(merged))) {
    throw new Error('This browser refused to store progress (private mode or storage full); export it to keep it.');
  }
  return merged;
}

function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function safeSet(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
