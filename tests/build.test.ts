import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildSite, childEnv, copyOfProject } from '../scripts/project-copy';
import { parseFrontmatter } from '../src/lib/frontmatter';

// Runs real builds in throwaway copies of the project, so the checkout's dist/ and
// public/data/ are never touched.

const copies: string[] = [];

function copyProject(): string {
  const dir = copyOfProject();
  copies.push(dir);
  return dir;
}

/** Rewrite a content file's frontmatter through a function, keeping its body. */
function editFrontmatter(file: string, edit: (data: Record<string, unknown>) => void): void {
  const { data, body } = parseFrontmatter(readFileSync(file, 'utf8'));
  edit(data as Record<string, unknown>);
  writeFileSync(file, `---\n${stringify(data)}---\n${body}`);
}

function buildData(cwd: string, out: string) {
  return spawnSync(
    process.execPath,
    [path.join(cwd, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-data.ts', '--out', out],
    {
      cwd,
      encoding: 'utf8',
      env: childEnv(),
    },
  );
}

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe('astro build', () => {
  it('stops on invalid content, naming every file and field, and writes nothing', () => {
    const dir = copyProject();
    editFrontmatter(path.join(dir, 'src/content/errno/econnreset.mdx'), (data) => {
      data.colour = 'red';
    });
    editFrontmatter(path.join(dir, 'src/content/errno/epipe.mdx'), (data) => {
      data.related = [{ name: 'ENOSUCHERROR', why: 'broken on purpose' }];
    });

    const run = buildSite(dir);
    const output = run.stdout + run.stderr;
    expect(run.status).not.toBe(0);
    expect(output).toContain('src/content/errno/econnreset.mdx: (frontmatter): unknown key "colour"');
    expect(output).toContain('src/content/errno/epipe.mdx: related[0].name: no errno entry named ENOSUCHERROR');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    expect(existsSync(path.join(dir, 'public/data'))).toBe(false);
  });

  it('builds under a non-root base path with every link and data URL under it', () => {
    const dir = copyProject();
    const run = buildSite(dir, { SOCKERR_BASE: '/wiki/sockerr/' });
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(path.join(dir, 'dist/errno/econnreset/index.html'), 'utf8');
    const hrefs = [...html.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) expect(href).toMatch(/^\/wiki\/sockerr\//);
    const data = JSON.parse(readFileSync(path.join(dir, 'dist/data/errnos.json'), 'utf8')) as {
      errnos: Array<{ url: string }>;
    };
    for (const e of data.errnos) expect(e.url).toMatch(/^\/wiki\/sockerr\/errno\/[a-z0-9]+\/$/);
  });
});

describe('build-data script', () => {
  it('gives byte-identical output on two runs', () => {
    const dir = copyProject();
    expect(buildData(dir, 'out-a').status).toBe(0);
    expect(buildData(dir, 'out-b').status).toBe(0);
    for (const name of ['errnos.json', 'scenarios.json']) {
      expect(readFileSync(path.join(dir, 'out-a', name), 'utf8')).toBe(
        readFileSync(path.join(dir, 'out-b', name), 'utf8'),
      );
    }
  });

  it('exits 1 and lists problems on stderr for a broken cross-reference', () => {
    const dir = copyProject();
    editFrontmatter(path.join(dir, 'src/content/scenarios/rst-before-accept.mdx'), (data) => {
      data.errnos = ['ECONNABORTED', 'ENOTREAL'];
    });
    const run = buildData(dir, 'out');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'src/content/scenarios/rst-before-accept.mdx: errnos[1]: no errno entry named ENOTREAL',
    );
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
