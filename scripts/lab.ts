import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTranscript } from '../src/lib/labs/format';
import { listLabs, runLab } from './lab-runtime';

// `npm run lab` lists the labs, one name per line; `npm run lab <name>` runs one and prints
// its transcript. Exit status: 0 passed or skipped, 1 the kernel and the content disagree
// (or the lab broke), 2 usage error.

/** Run the lab CLI with its arguments; resolves to the exit status. */
export async function main(args: readonly string[], root: string): Promise<number> {
  const labs = await listLabs(root);
  if (args.length === 0) {
    process.stdout.write(labs.map((l) => `${l.name}\n`).join(''));
    return 0;
  }
  const [name, ...rest] = args;
  const lab = labs.find((l) => l.name === name);
  if (!lab || rest.length > 0) {
    process.stderr.write(
      `usage: npm run lab [name]\n${lab ? '' : `no lab named "${name}"; the labs are:\n${labs.map((l) => `  ${l.name}\n`).join('')}`}`,
    );
    return 2;
  }
  const transcript = await runLab(root, lab);
  process.stdout.write(formatTranscript(transcript));
  return transcript.status === 'failed' ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  process.exitCode = await main(process.argv.slice(2), root);
}
