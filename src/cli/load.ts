import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContentFiles } from '../../scripts/content-files';
import { searchDocuments } from '../lib/search/documents';
import { buildSearchIndex, Searcher } from '../lib/search/search';
import { formatProblem, type ValidationResult, validateCorpus } from '../lib/validate';

/** The project root this CLI ships in. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Content that failed validation: the CLI reports it and stops. */
export class InvalidContentError extends Error {}

/** Read and validate the content the CLI answers from. */
export async function loadContent(root = ROOT): Promise<ValidationResult> {
  const files = await readContentFiles(root);
  const result = validateCorpus(files.docs);
  const problems = [...files.problems, ...result.problems];
  if (problems.length > 0) {
    throw new InvalidContentError(`invalid content:\n${problems.map(formatProblem).join('\n')}`);
  }
  return result;
}

/**
 * A searcher over the content, built the way the site's index is built (createIndex,
 * serialised, parseIndex), so CLI and site rank with the same code over the same index.
 */
export function searcherFor(content: ValidationResult): Searcher {
  const file = JSON.parse(JSON.stringify(buildSearchIndex(searchDocuments(content.errnos, content.scenarios))));
  return new Searcher(file);
}
