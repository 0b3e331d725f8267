import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'data', '.scratch']);

/** Copy the project (content and code, not dependencies or outputs) into a new temp dir. */
export function copyOfProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sockerr-build-'));
  cpSync(ROOT, dir, {
    recursive: true,
    // src/data holds the lab transcripts the pages need; only public/data is generated.
    filter: (src) => !SKIP.has(path.basename(src)) || src.endsWith(`${path.sep}src${path.sep}data`),
  });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

// Throwaway copies of the project for real builds (tests, bench:site), so the checkout's
// dist/ and public/data/ are never touched.

// Vitest exports BASE_URL, MODE, DEV, NODE_ENV=test and friends into process.env; Vite
// inside a child Astro build would honour them (BASE_URL overrides the configured base).
const LEAKED = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;

/** The parent's environment without what Vitest added. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !LEAKED.test(k)));
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...extra };
}

/** Run `astro build` in a project directory. */
export function buildSite(cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [path.join(cwd, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd,
    encoding: 'utf8',
    env: childEnv(env),
    // A build of thousands of MDX files prints a warning per file (withastro/astro#18087).
    maxBuffer: 256 * 1024 * 1024,
  });
}
