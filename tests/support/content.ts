import path from 'node:path';
import { readContentFiles } from '../../scripts/content-files';
import { formatProblem, type ValidationResult, validateCorpus } from '../../src/lib/validate';

/** The project root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The real content, validated; throws with every problem if it is invalid. */
export async function realContent(): Promise<ValidationResult> {
  const files = await readContentFiles(ROOT);
  const result = validateCorpus(files.docs);
  const problems = [...files.problems, ...result.problems];
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
  return result;
}
