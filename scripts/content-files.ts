import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FrontmatterError, parseFrontmatter } from '../src/lib/frontmatter';
import type { CollectionName, Problem, RawDocument } from '../src/lib/validate';

/** Where each collection lives under the project root. */
export const COLLECTION_DIRS: Record<CollectionName, string> = {
  errno: 'src/content/errno',
  scenarios: 'src/content/scenarios',
  glossary: 'src/content/glossary',
};

/** Every content file read from disk, plus problems with files that are not content. */
export interface ContentFiles {
  docs: RawDocument[];
  problems: Problem[];
}

/** Directory entries, or none when the folder does not exist (a fork may drop a collection). */
async function listDir(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Read and parse every MDX file of both collections under root; files that cannot be content are problems. */
export async function readContentFiles(root: string): Promise<ContentFiles> {
  const docs: RawDocument[] = [];
  const problems: Problem[] = [];
  for (const [collection, dir] of Object.entries(COLLECTION_DIRS) as Array<[CollectionName, string]>) {
    const names = (await listDir(path.join(root, dir)))
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
    for (const name of names) {
      const rel = `${dir}/${name}`;
      if (!name.endsWith('.mdx')) {
        // Astro's loader only reads *.mdx: anything else here would be silently left out.
        problems.push({ file: rel, field: '(file name)', message: 'only .mdx files belong in this folder' });
        continue;
      }
      const source = await readFile(path.join(root, rel), 'utf8');
      let data: unknown;
      let body = '';
      try {
        ({ data, body } = parseFrontmatter(source));
      } catch (error) {
        if (!(error instanceof FrontmatterError)) throw error;
        data = error;
      }
      docs.push({ path: rel, collection, id: name.slice(0, -'.mdx'.length), data, body });
    }
  }
  return { docs, problems };
}
