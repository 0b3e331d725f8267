import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/content';

const BIN = path.join(ROOT, 'bin/sockerr.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'sockerr-cli-'));

function cli(args: string[], input?: string) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST.*|NODE_ENV|TEST)$/.test(k)));
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: tmp,
    encoding: 'utf8',
    input,
    env: { ...env, SOCKERR_SITE: '' },
  });
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('sockerr search', () => {
  it('prints ranked results as JSON with id, type, title, url and score', () => {
    const run = cli(['search', '--json', '[Errno 104] Connection reset by peer']);
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(results[0]).toEqual({
      id: 'ECONNRESET',
      type: 'errno',
      title: 'ECONNRESET',
      url: '/errno/econnreset/',
      score: expect.any(Number),
    });
    const scores = results.map((r) => r.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('answers one JSON array per input line with --stdin', () => {
    const run = cli(['search', '--stdin', '--limit', '2'], 'read ECONNRESET\nwrite EPIPE\n\n');
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Array<{ id: string }>);
    expect(lines).toHaveLength(3);
    expect(lines[0]?.[0]?.id).toBe('ECONNRESET');
    expect(lines[1]?.[0]?.id).toBe('EPIPE');
    expect(lines[2]).toEqual([]);
    expect(lines[0]?.length).toBeLessThanOrEqual(2);
  });

  it('prints a readable answer with numbers, meaning and link', () => {
    const run = cli(['search', 'ECONNREFUSED', '--limit', '1']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^ECONNREFUSED {2}Linux 111 · macOS 61 · Windows 10061 WSAECONNREFUSED\n {2}.+\n {2}\/errno\/econnrefused\/\n$/,
    );
  });

  it('fails with a usage error and exit 2 for bad arguments', () => {
    for (const args of [['search'], ['search', '--limit', 'many', 'x'], ['frobnicate'], ['search', '--nope', 'x']]) {
      const run = cli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^sockerr: /);
    }
  });
});

describe('sockerr explain', () => {
  it('says what happened, which side and what to do', () => {
    const run = cli(['explain', 'Error: connect ECONNREFUSED 127.0.0.1:5432']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ECONNREFUSED: Connection refused/);
    expect(run.stdout).toMatch(/\nWhat happened: /);
    expect(run.stdout).toMatch(/\nWhat to do: /);
    expect(run.stdout).toMatch(/\nMore: \/errno\/econnrefused\/\n$/);
  });

  it('exits 1 when it recognises nothing', () => {
    const run = cli(['explain', 'zzzz qqqq']);
    expect(run.status).toBe(1);
  });
});

describe('sockerr scan', () => {
  it('summarises the socket errors in a log with counts, first and last lines', () => {
    const log = path.join(tmp, 'app.log');
    writeFileSync(
      log,
      [
        '2026-11-21T10:00:00Z info started',
        '2026-11-21T10:00:01Z error Error: read ECONNRESET',
        '2026-11-21T10:00:02Z error connect() failed (111: Connection refused) while connecting to upstream',
        '2026-11-21T10:00:03Z info request done in 104 ms',
        '2026-11-21T10:00:04Z error ConnectionResetError: [Errno 104] Connection reset by peer',
      ].join('\n'),
    );
    const run = cli(['scan', '--json', log]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { lines: number; errors: Array<Record<string, unknown>> };
    expect(report.lines).toBe(5);
    expect(report.errors.map((e) => [e.name, e.count])).toEqual([
      ['ECONNRESET', 2],
      ['ECONNREFUSED', 1],
    ]);
    expect(report.errors[0]).toMatchObject({ first: { line: 2 }, last: { line: 5 }, url: '/errno/econnreset/' });
  });

  it('reads standard input with -', () => {
    const run = cli(['scan', '-'], 'write EPIPE\nnothing here\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('EPIPE  ×1');
  });

  it('reports a missing file clearly', () => {
    const run = cli(['scan', path.join(tmp, 'missing.log')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^sockerr: ENOENT/);
  });
});

describe('sockerr quiz', () => {
  it('asks questions, reads answers and prints a score', () => {
    const run = cli(['quiz', '--count', '3', '--seed', '1'], '1\n2\n3\n');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/1\/3\. /);
    expect(run.stdout).toMatch(/\nScore: [0-3]\/3\n$/);
  });
});
