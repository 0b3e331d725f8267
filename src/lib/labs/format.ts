import type { Actor } from '../schema';
import type { Comparison, Transcript, TranscriptEntry } from './transcript';
import { resultText } from './transcript';

const ISOLATION_TEXT: Record<NonNullable<Transcript['isolation']>, string> = {
  namespace: 'own network namespace (unshare --net, as root); setup, routes and sysctls stayed inside it',
  'user-namespace': 'own user and network namespace (unshare --user --net); nothing outside it changed',
  loopback: "the host's loopback (no namespace could be made), on a port the kernel chose",
};

/** Seconds since the lab started, as printed: "  0.031s". */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3).padStart(7)}s`;
}

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/** The lines one entry prints, without its time. */
export function entryLines(entry: TranscriptEntry, actors: Record<Actor, string>): string[] {
  switch (entry.kind) {
    case 'command':
      return [
        `$ ${entry.command}${entry.ns === 'main' ? '' : `   (in namespace ${entry.ns})`}${entry.ok ? '' : '   [failed]'}`,
        ...entry.output
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => `  ${l.trim()}`),
      ];
    case 'program':
      return [`$ ${entry.command}`];
    case 'call': {
      const message = entry.message ? ` (${entry.message})` : '';
      return [`${pad(actors[entry.actor], 8)} ${entry.text} = ${resultText(entry)}${message}`];
    }
    case 'ss':
      return [`$ ${entry.command}`, ...(entry.lines.length ? entry.lines.map((l) => `  ${l}`) : ['  (no sockets)'])];
    case 'note':
      return [`# ${entry.text}`];
    case 'exit':
      return [
        `${pad(actors[entry.actor], 8)} ${entry.signal ? `process killed by ${entry.signal}` : `process exited with status ${entry.code}`}`,
      ];
    case 'output':
      return [`${entry.stream}: ${entry.text}`];
  }
}

/** Short column labels: the scenario's names when they are short, else left/right. */
export function actorLabels(actors: Record<Actor, string>): Record<Actor, string> {
  const short = actors.left.length <= 8 && actors.right.length <= 8 && actors.left !== actors.right;
  return short ? { ...actors } : { left: 'left', right: 'right' };
}

/** The expected-versus-observed table, one row per line. */
export function comparisonLines(c: Comparison, actors: Record<Actor, string>): string[] {
  const head = ['actor', 'step', 'expected (content)', 'observed (kernel)', ''];
  const body = c.rows.map((r) => [
    actors[r.actor],
    r.step === null ? '' : String(r.step),
    r.expected ?? '(nothing)',
    r.observed ?? '(nothing)',
    r.ok ? 'ok' : `DIFFERS: ${r.problem ?? ''}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : pad(cell, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    `compared with ${c.against}:`,
    ...(c.rows.length ? [line(head), ...body.map(line)] : ['(no calls to compare)']).map((l) => `  ${l}`),
    ...c.problems.map((p) => `  DIFFERS: ${p}`),
  ];
}

/** The verdict line. */
export function verdictLine(t: Transcript): string {
  const time = `(${(t.durationMs / 1000).toFixed(1)} s)`;
  if (t.status === 'skipped') return `SKIPPED: ${t.reason ?? 'not run'} ${time}`;
  if (t.status === 'passed') {
    return `PASSED: the kernel did what ${t.scenario ? 'the scenario says' : 'the errno entries say'} ${time}`;
  }
  return `FAILED: ${t.reason ?? 'the kernel and the content disagree'} ${time}`;
}

/** What the run printed, one line per call, command output line or note, each with its time. */
export function logLines(t: Transcript): string[] {
  const labels = actorLabels(t.actors);
  const out: string[] = [];
  for (const entry of t.entries) {
    const stamp = 't' in entry ? seconds(entry.t) : ' '.repeat(8);
    entryLines(entry, labels).forEach((l, i) => {
      out.push(`${i === 0 ? stamp : ' '.repeat(8)}  ${l}`);
    });
  }
  return out;
}

/** How the run was isolated, in one line. */
export function isolationText(t: Transcript): string | null {
  return t.isolation ? ISOLATION_TEXT[t.isolation] : null;
}

/** The whole transcript as `npm run lab <name>` prints it. */
export function formatTranscript(t: Transcript): string {
  const labels = actorLabels(t.actors);
  const name = (a: Actor) => `${t.actors[a]} (${labels[a] === t.actors[a] ? a : labels[a]})`;
  const out = [
    `sockerr lab ${t.lab}: ${t.title}`,
    `  kernel     ${t.kernel} (uname -sr), ${t.date}`,
    `  actors     ${name('left')}, ${name('right')}`,
    `  compared   ${t.scenario ? `scenario ${t.scenario}` : `errno entries ${t.errnos.join(', ')}`}`,
  ];
  const isolation = isolationText(t);
  if (isolation) out.push(`  isolation  ${isolation}`);
  else out.push(`  needs      ${t.needs}`);
  const log = logLines(t);
  if (log.length > 0) out.push('', ...log);
  if (t.comparison) out.push('', ...comparisonLines(t.comparison, labels));
  out.push('', verdictLine(t));
  return `${out.join('\n')}\n`;
}
