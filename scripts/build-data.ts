import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toAnki } from '../src/lib/flashcards/anki';
import { generateFlashcards } from '../src/lib/flashcards/cards';
import { errnosJson, glossaryJson, scenariosJson, stringify } from '../src/lib/open-data';
import { generateQuizzes } from '../src/lib/quiz/generate';
import { searchDocuments } from '../src/lib/search/documents';
import { buildSearchIndex } from '../src/lib/search/search';
import { withBase } from '../src/lib/urls';
import { formatProblem, type Problem, validateCorpus } from '../src/lib/validate';
import { readContentFiles } from './content-files';

/** Thrown when the content is invalid; carries every problem found. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in src/content:\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'ContentError';
  }
}

/** Options of one data build. */
export interface BuildDataOptions {
  /** Project root holding src/content. */
  root: string;
  /** Site base path the URLs in the data carry, e.g. "/" or "/wiki/sockerr/". */
  base: string;
  /** Folder the data files go to (the site's /data/). */
  outDir: string;
  /** The site's public address (e.g. https://sockerr.example), for absolute links in the Anki file. */
  site?: string | undefined;
}

/** Validate all content and, only if it is valid, write the generated data files; returns the paths written. */
export async function buildData({ root, base, outDir, site }: BuildDataOptions): Promise<string[]> {
  const files = await readContentFiles(root);
  const result = validateCorpus(files.docs);
  const problems = [...files.problems, ...result.problems];
  if (problems.length > 0) throw new ContentError(problems);

  const flashcards = generateFlashcards(result.errnos, result.scenarios, result.glossary);
  const quizzes = generateQuizzes(result.errnos, result.scenarios);
  // The lib works in site-relative paths; the published files carry URLs under the base.
  const withUrl = <T extends { path: string }>(item: T) => ({ ...item, url: withBase(base, item.path) });
  const outputs: Array<[string, unknown]> = [
    ['errnos.json', errnosJson(result.errnos, result.scenarios, base)],
    ['scenarios.json', scenariosJson(result.scenarios, base)],
    ['glossary.json', glossaryJson(result.glossary, base)],
    ['search-index.json', buildSearchIndex(searchDocuments(result.errnos, result.scenarios))],
    ['quizzes.json', { ...quizzes, questions: quizzes.questions.map(withUrl) }],
    ['flashcards.json', { ...flashcards, cards: flashcards.cards.map(withUrl) }],
    ['sockerr-anki.txt', toAnki(flashcards.cards, { deck: 'sockerr', base, site })],
  ];
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, value] of outputs) {
    const file = path.join(outDir, name);
    await writeFile(file, typeof value === 'string' ? value : stringify(value));
    written.push(file);
  }
  return written;
}

async function main(argv: string[]): Promise<number> {
  const root = process.cwd();
  const outArg = argv.indexOf('--out');
  const baseArg = argv.indexOf('--base');
  const outDir = path.resolve(root, outArg >= 0 ? (argv[outArg + 1] ?? '') : 'public/data');
  const base = baseArg >= 0 ? (argv[baseArg + 1] ?? '/') : '/';
  try {
    const written = await buildData({ root, base, outDir });
    for (const file of written) console.log(`wrote ${path.relative(root, file)}`);
    return 0;
  } catch (error) {
    if (error instanceof ContentError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
