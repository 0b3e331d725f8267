import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ACTION_LABELS } from '../lib/schema';
import type { Searcher } from '../lib/search/search';
import type { ErrnoDoc } from '../lib/validate';
import { InvalidContentError, loadContent, searcherFor } from './load';
import { runQuiz } from './quiz';

const USAGE = `sockerr: socket errors explained, offline

Usage:
  sockerr search [--json] [--limit N] "<text>"   rank errnos and scenarios for a query or log line
  sockerr search --stdin [--limit N]             one query per input line, one JSON array per output line
  sockerr explain "<log line>"                   what happened, which side, what to do
  sockerr scan [--json] <file | ->               which socket errors a log contains, how often, where
  sockerr quiz [--topic T] [--count N]           a short quiz in the terminal

Environment: SOCKERR_SITE=https://your.site makes printed links absolute.
Exit status: 0 ok, 1 nothing recognised / invalid content, 2 usage error.`;

/** Exit codes. */
const OK = 0;
const NOT_FOUND = 1;
const USAGE_ERROR = 2;

/** Where printed links point: the deployed site if known, else the site path. */
function link(path: string): string {
  const site = process.env.SOCKERR_SITE;
  return site ? new URL(path.replace(/^\//, ''), site.endsWith('/') ? site : `${site}/`).href : path;
}

class UsageError extends Error {}

/** Run the CLI with arguments (without node and script); returns the exit code. */
export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'search':
        return await search(rest, out);
      case 'explain':
        return await explain(rest, out);
      case 'scan':
        return await scan(rest, out);
      case 'quiz':
        return await runQuiz(rest, out, err);
      case undefined:
      case 'help':
      case '-h':
      case '--help':
        out.write(`${USAGE}\n`);
        return command === undefined ? USAGE_ERROR : OK;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      err.write(`sockerr: ${error.message}\n\n${USAGE}\n`);
      return USAGE_ERROR;
    }
    if (error instanceof InvalidContentError) {
      err.write(`sockerr: ${error.message}\n`);
      return NOT_FOUND;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      err.write(`sockerr: ${(error as Error).message}\n`);
      return NOT_FOUND;
    }
    throw error;
  }
}

function limitOf(value: string | undefined): number {
  if (value === undefined) return 10;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError('--limit takes a whole number from 1 to 1000');
  return n;
}

async function search(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, stdin: { type: 'boolean' }, limit: { type: 'string' } },
  });
  const limit = limitOf(values.limit);
  const content = await loadContent();
  const searcher = searcherFor(content);
  if (values.stdin) {
    if (positionals.length > 0) throw new UsageError('--stdin reads queries from input; give no query argument');
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
      out.write(`${JSON.stringify(searcher.search(line, limit))}\n`);
    }
    return OK;
  }
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('search needs a query, e.g. sockerr search "read ECONNRESET"');
  const results = searcher.search(query, limit);
  if (values.json) {
    out.write(`${JSON.stringify(results, null, 2)}\n`);
    return OK;
  }
  if (results.length === 0) {
    out.write(`No match for “${query}”.\n`);
    return NOT_FOUND;
  }
  const byName = new Map(content.errnos.map((e) => [e.data.name, e]));
  const scenarios = new Map(content.scenarios.map((s) => [s.id, s]));
  for (const r of results) {
    const e = byName.get(r.id);
    if (e) {
      out.write(`${r.id}  ${numbersLine(e)}\n  ${e.data.summary}\n  ${link(r.url)}\n`);
    } else {
      out.write(`${r.title}  (scenario)\n  ${scenarios.get(r.id)?.data.summary ?? ''}\n  ${link(r.url)}\n`);
    }
  }
  return OK;
}

function numbersLine(e: ErrnoDoc): string {
  const n = e.data.numbers;
  const parts = [
    n.linux === null ? null : `Linux ${n.linux}`,
    n.macos === null ? null : `macOS ${n.macos}`,
    n.freebsd === null || n.freebsd === n.macos ? null : `FreeBSD ${n.freebsd}`,
    n.winsock ? `Windows ${n.winsock.code} ${n.winsock.name}` : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

async function explain(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const line = positionals.join(' ').trim();
  if (!line) throw new UsageError('explain needs a log line, e.g. sockerr explain "read ECONNRESET"');
  const content = await loadContent();
  const searcher = searcherFor(content);
  const best = searcher.recognize(line) ?? searcher.explain(line, 1)[0];
  const entry = best && content.errnos.find((e) => e.data.name === best.id);
  if (!best || !entry) {
    if (best) {
      out.write(`Not an errno, but this scenario looks relevant: ${best.title}\n  ${link(best.url)}\n`);
      return OK;
    }
    out.write(`sockerr does not recognise a socket error in: ${line}\n`);
    return NOT_FOUND;
  }
  const e = entry.data;
  const w = (s: string) => out.write(`${s}\n`);
  w(`${e.name}: ${e.messages.glibc}   (${numbersLine(entry)})`);
  w(`What happened: ${e.summary}`);
  const sides = [...new Set(e.calls.map((c) => c.side))];
  if (e.calls.length > 0) {
    w(
      `Which side: ${sides.join(', ')}; seen from ${[...new Set(e.calls.flatMap((c) => c.calls))].slice(0, 6).join(', ')}`,
    );
  }
  for (const cause of e.causes.slice(0, 2)) w(`Likely cause: ${cause.text}`);
  const handling = e.handling[0];
  if (handling) w(`What to do: ${ACTION_LABELS[handling.action]}. ${handling.why}`);
  w(`More: ${link(best.url)}`);
  return OK;
}

interface Sighting {
  name: string;
  count: number;
  first: { line: number; text: string };
  last: { line: number; text: string };
  url: string;
}

async function scan(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const [file, extra] = positionals;
  if (extra !== undefined) throw new UsageError('scan takes one file (or - for standard input)');
  if (file === undefined && process.stdin.isTTY) throw new UsageError('scan needs a file, or - to read standard input');
  // Opening first turns a missing file into a clear error instead of a stream crash.
  const input = file === undefined || file === '-' ? process.stdin : (await open(file)).createReadStream();
  const searcher: Searcher = searcherFor(await loadContent());
  const seen = new Map<string, Sighting>();
  let lines = 0;
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lines++;
    const hit = searcher.recognize(raw);
    if (!hit) continue;
    const text = raw.length > 200 ? `${raw.slice(0, 197)}...` : raw;
    const s = seen.get(hit.id);
    if (s) {
      s.count++;
      s.last = { line: lines, text };
    } else {
      seen.set(hit.id, {
        name: hit.id,
        count: 1,
        first: { line: lines, text },
        last: { line: lines, text },
        url: link(hit.url),
      });
    }
  }
  const summary = [...seen.values()].sort((a, b) => b.count - a.count || a.first.line - b.first.line);
  if (values.json) {
    out.write(`${JSON.stringify({ lines, errors: summary }, null, 2)}\n`);
    return OK;
  }
  if (summary.length === 0) {
    out.write(`No socket errors recognised in ${lines} lines.\n`);
    return OK;
  }
  out.write(`${summary.reduce((n, s) => n + s.count, 0)} socket errors in ${lines} lines:\n\n`);
  for (const s of summary) {
    out.write(`${s.name}  ×${s.count}  ${s.url}\n`);
    out.write(`  first  line ${s.first.line}: ${s.first.text}\n`);
    if (s.count > 1) out.write(`  last   line ${s.last.line}: ${s.last.text}\n`);
  }
  return OK;
}
