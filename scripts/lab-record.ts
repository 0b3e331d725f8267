import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verdictLine } from '../src/lib/labs/format';
import { listLabs, runLab } from './lab-runtime';

// `npm run lab:record`: run every lab and store its transcript in src/data/labs/<lab>.json,
// the data the scenario pages show. A skipped lab keeps its last recording; a failed one is
// recorded (the page says so) and makes the exit status 1.

/** Where the recorded transcripts live, relative to the project root. */
export const RECORD_DIR = 'src/data/labs';

/** Record every lab under root; resolves to the exit status. */
export async function record(root: string): Promise<number> {
  const dir = path.join(root, RECORD_DIR);
  await mkdir(dir, { recursive: true });
  const labs = await listLabs(root);
  let failed = 0;
  for (const lab of labs) {
    const transcript = await runLab(root, lab);
    const file = path.join(dir, `${lab.name}.json`);
    const rel = path.relative(root, file);
    if (transcript.status === 'skipped' && existsSync(file)) {
      process.stdout.write(`${lab.name}: ${verdictLine(transcript)}; kept ${rel}\n`);
      continue;
    }
    if (transcript.status === 'failed') failed++;
    await writeFile(file, `${JSON.stringify(transcript, null, 2)}\n`);
    process.stdout.write(`${lab.name}: ${verdictLine(transcript)} -> ${rel}\n`);
  }
  // The files are committed, so they get the project's own JSON formatting (biome check stays clean).
  execFileSync(path.join(root, 'node_modules/.bin/biome'), ['format', '--write', RECORD_DIR], {
    cwd: root,
    stdio: 'ignore',
  });
  const names = new Set(labs.map((l) => `${l.name}.json`));
  for (const stale of (await readdir(dir)).filter((f) => f.endsWith('.json') && !names.has(f))) {
    await rm(path.join(dir, stale));
    process.stdout.write(`removed ${RECORD_DIR}/${stale}: no such lab\n`);
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await record(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
}
