import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fuse from 'fuse.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { searcherFor } from '../src/cli/load';
import { type SearchDoc, searchDocuments } from '../src/lib/search/documents';
import { FUSE_KEYS, type Searcher } from '../src/lib/search/search';
import { ROOT, realContent } from './support/content';

/** One golden query: what someone pastes, and the entry that must come first. */
interface Golden {
  query: string;
  expect: string;
  /** Where the text came from (e.g. "node 24: net.connect to a closed port on 127.0.0.1"). */
  source: string;
}

const golden = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/golden-queries.json'), 'utf8')) as Golden[];
let searcher: Searcher;
let docs: SearchDoc[];
/** sockerr's top 3 ids for each golden query, in golden order: ranked once, read by every test. */
let ours: string[][];

beforeAll(async () => {
  const content = await realContent();
  searcher = searcherFor(content);
  docs = searchDocuments(content.errnos, content.scenarios);
  ours = golden.map((g) => searcher.search(g.query, 3).map((r) => r.id));
});

/** Share of queries whose expected entry is among the first k of its ranked ids. */
function hitRate(ranked: readonly string[][], k: number): number {
  return golden.filter((g, i) => ranked[i]?.slice(0, k).includes(g.expect)).length / golden.length;
}

describe('golden queries', () => {
  it('has at least 150 realistic queries, each naming an existing entry', () => {
    expect(golden.length).toBeGreaterThanOrEqual(150);
    const ids = new Set(docs.map((d) => d.id));
    for (const g of golden) expect(ids, g.query).toContain(g.expect);
  });

  it('ranks the expected entry first for at least 95% and in the top 3 for at least 98%', () => {
    const top1 = hitRate(ours, 1);
    const top3 = hitRate(ours, 3);
    const misses = golden.flatMap((g, i) =>
      ours[i]?.[0] === g.expect ? [] : [`${g.query} → ${ours[i]?.join(', ')} (want ${g.expect})`],
    );
    console.log(
      `golden set: ${golden.length} queries, top-1 ${(top1 * 100).toFixed(1)}%, top-3 ${(top3 * 100).toFixed(1)}%`,
    );
    if (misses.length > 0) console.log(`misses:\n  ${misses.join('\n  ')}`);
    expect(top1).toBeGreaterThanOrEqual(0.95);
    expect(top3).toBeGreaterThanOrEqual(0.98);
  });

  it('beats plain Fuse over the same fields on pasted log lines (the reason for the understanding layer)', () => {
    const plain = new Fuse(docs, { keys: FUSE_KEYS.map((k) => ({ ...k })), ignoreLocation: true, threshold: 0.4 });
    const plainTop1 = hitRate(
      golden.map((g) => plain.search(g.query, { limit: 3 }).map((r) => r.item.id)),
      1,
    );
    const oursTop1 = hitRate(ours, 1);
    console.log(`plain Fuse top-1 ${(plainTop1 * 100).toFixed(1)}% vs sockerr ${(oursTop1 * 100).toFixed(1)}%`);
    expect(oursTop1).toBeGreaterThan(plainTop1);
  });
});

describe('search', () => {
  it('never throws and returns at most the limit for strange input', () => {
    for (const q of ['', ' ', '\u0000', '((((', '[Errno', 'E'.repeat(5000), '🙂', '-1', '99999999999', '\\d+', '.*']) {
      const results = searcher.search(q, 5);
      expect(results.length).toBeLessThanOrEqual(5);
    }
  });

  it('ranks a scenario for a plain-language question', () => {
    expect(searcher.search('what happens when the server process is killed', 3).map((r) => r.id)).toContain(
      'server-process-killed',
    );
  });
});
