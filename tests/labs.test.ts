import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../scripts/content-files';
import { RECORD_DIR } from '../scripts/lab-record';
import { type LabInfo, listLabs, runLab } from '../scripts/lab-runtime';
import { formatTranscript } from '../src/lib/labs/format';
import { transcriptSchema } from '../src/lib/labs/transcript';

// Runs every lab against this machine's kernel (root or user namespaces give each its own
// network namespace) and fails when a scenario's frontmatter disagrees with what the kernel did.

const ROOT = path.resolve(import.meta.dirname, '..');
const exec = promisify(execFile);
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
let labs: LabInfo[] = [];

beforeAll(async () => {
  labs = await listLabs(ROOT);
});

/** Run `npm run lab` as npm does; resolves to the exit status and output. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await exec(TSX, ['scripts/lab.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe('the lab list', () => {
  it('is printed one name per line by `npm run lab`', async () => {
    const { code, stdout } = await cli([]);
    expect(code).toBe(0);
    expect(stdout).toBe(labs.map((l) => `${l.name}\n`).join(''));
    expect(labs.length).toBeGreaterThanOrEqual(14);
  });

  it('names scenarios and errno entries that exist', async () => {
    const docs = (await readContentFiles(ROOT)).docs;
    const scenarios = new Set(docs.filter((d) => d.collection === 'scenarios').map((d) => d.id));
    const errnos = new Set(docs.filter((d) => d.collection === 'errno').map((d) => d.id.toUpperCase()));
    for (const lab of labs) {
      for (const slug of [lab.def.scenario, ...lab.def.shownOn].filter(Boolean)) {
        expect(scenarios.has(slug as string), `${lab.name}: scenario ${slug}`).toBe(true);
      }
      for (const name of lab.def.errnos) expect(errnos.has(name), `${lab.name}: errno ${name}`).toBe(true);
    }
  });

  it('has a recorded transcript for every lab and none for labs that are gone', () => {
    const dir = path.join(ROOT, RECORD_DIR);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
    expect(files.sort()).toEqual(labs.map((l) => `${l.name}.json`).sort());
    for (const file of files) {
      const t = transcriptSchema.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      expect(t.lab, file).toBe(file.slice(0, -'.json'.length));
    }
  });
});

describe('every lab against this kernel', () => {
  it.for(listLabsSync())('%s', { timeout: 30_000 }, async (name, ctx) => {
    const lab = labs.find((l) => l.name === name) as LabInfo;
    const transcript = await runLab(ROOT, lab);
    if (transcript.status === 'skipped') ctx.skip(`SKIPPED: ${transcript.reason}`);
    // The whole transcript is the failure message: expected and observed side by side.
    expect(transcript.status, formatTranscript(transcript)).toBe('passed');
    expect(transcript.durationMs).toBeLessThan(25_000);
  });
});

describe('a lab that cannot have its namespace', () => {
  it('says SKIPPED with the reason, never passed, and exits 0', async () => {
    const { code, stdout } = await cli(['time-wait'], { SOCKERR_LAB_NAMESPACES: 'off' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^SKIPPED: needs its own network namespace/m);
    expect(stdout).not.toMatch(/passed/i);
  });

  it('still runs a loopback lab on the host loopback', async () => {
    const lab = labs.find((l) => l.name === 'connect-refused') as LabInfo;
    const transcript = await runLab(ROOT, lab, { namespaces: 'off' });
    expect(transcript.isolation).toBe('loopback');
    expect(transcript.status, formatTranscript(transcript)).toBe('passed');
  });
});

describe('npm run lab <name>', () => {
  it('exits 2 for an unknown lab and lists the labs', async () => {
    const { code } = await cli(['no-such-lab']);
    expect(code).toBe(2);
  });
});

/** Lab names for it.each, read before the suite runs. */
function listLabsSync(): string[] {
  return readdirSync(path.join(ROOT, 'labs'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(ROOT, 'labs', e.name, 'lab.json')))
    .map((e) => e.name)
    .sort();
}
