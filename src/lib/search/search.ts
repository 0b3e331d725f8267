import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import { withBase } from '../urls';
// Types only: documents.ts pulls in the zod schema, which must not reach the browser bundle.
import type { ResultType, SearchDoc, UnixPlatform } from './documents';
import { analyzeQuery, hasCjk, keywords, type QueryAnalysis, tokenize } from './query';

/*
 * Ranking = query understanding + Fuse. Pasted log lines carry exact evidence (an errno
 * name, a number in a recognisable wrapper, a strerror text, a runtime's wording) that
 * Fuse's fuzzy matching handles badly (patterns are cut at 32 characters, and a long line
 * is mostly noise). That evidence is scored first; Fuse's token search adds fuzzy and
 * plain-language matches on compact fields. Browser and CLI run this same code.
 */

/** Version of the search index file's shape. */
export const SEARCH_INDEX_VERSION = 1;

/** The fields of a document that Fuse does not index; the rest is read back from its records. */
export type StoredDoc = Pick<SearchDoc, 'id' | 'type' | 'path' | 'numbers' | 'full'>;

/** The prebuilt index file: slim documents plus Fuse's serialised index, which holds the texts. */
export interface SearchIndexFile {
  version: number;
  docs: StoredDoc[];
  fuse: { keys: ReadonlyArray<unknown>; records: ReadonlyArray<unknown> };
}

/** One ranked result, as the CLI's --json prints it. */
export interface SearchResult {
  id: string;
  type: ResultType;
  title: string;
  url: string;
  score: number;
}

/** A result with the evidence that ranked it, for UIs that highlight. */
export interface ExplainedResult extends SearchResult {
  doc: SearchDoc;
  /** Why it matched, e.g. "name ECONNRESET", "message “Connection reset by peer”". */
  reasons: string[];
  /** Strings from the query that matched, for highlighting. */
  matched: string[];
}

/** Fuse keys over the compact fields, with their weights. */
export const FUSE_KEYS = [
  { name: 'names', weight: 3 },
  { name: 'title', weight: 2 },
  { name: 'phrases', weight: 1.5 },
  { name: 'messages', weight: 1.5 },
  { name: 'zh', weight: 1 },
  { name: 'summary', weight: 0.5 },
] as const;

/** Positions (in FUSE_KEYS, as Fuse's records number them) of the short fields Fuse matches fuzzily per query. */
const FUZZY_FIELDS = new Set(
  (['names', 'title', 'messages', 'zh'] as const).map((name) => String(FUSE_KEYS.findIndex((k) => k.name === name))),
);

const FUSE_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: FUSE_KEYS.map((k) => ({ ...k })),
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.34,
  useTokenSearch: true,
};

// Scenarios often quote the errno messages they produce; for a pasted line the errno ranks first.
const SCENARIO_WEIGHT_FOR_LINES = 0.85;

// How many documents, beyond those with exact evidence, Fuse looks at per query.
const MAX_CANDIDATES = 48;
// How many of the best documents by exact evidence Fuse also looks at.
const MAX_EVIDENCE_CANDIDATES = 16;

// Below this (points / 100) a line's evidence is too weak to call it a socket error:
// e.g. a bare "(7)" or one common word.
const RECOGNIZE_MIN = 0.45;

// Points per kind of evidence. A name or a recognised (number, platform) pair is near
// certain; a full strerror text almost so; a runtime wording depends on its length.
const POINTS = {
  name: 100,
  message: 70,
  phrase: 45,
  zh: 60,
  fuse: 20,
  keywords: 30,
  agreement: 25,
  full: 2,
} as const;

const UNIX_POINTS: Record<UnixPlatform, number> = {
  linux: 45,
  macos: 35,
  freebsd: 33,
  alpha: 8,
  mips: 8,
  sparc: 8,
  parisc: 8,
};

interface PhraseEntry {
  tokens: string[];
  doc: number;
  kind: 'message' | 'phrase';
  text: string;
}

/** Build the index file from search documents (done once, at build time). */
export function buildSearchIndex(docs: SearchDoc[]): SearchIndexFile {
  const index = Fuse.createIndex(FUSE_OPTIONS.keys ?? [], docs);
  return {
    version: SEARCH_INDEX_VERSION,
    docs: docs.map(({ id, type, path, numbers, full }) => ({ id, type, path, numbers, full })),
    fuse: index.toJSON(),
  };
}

/** A Fuse index record: per key position, one value or a list of values. */
interface IndexRecord {
  i: number;
  $: Record<string, { v: string } | Array<{ v: string }>>;
}

/** Rebuild full documents from slim ones and the texts in Fuse's records. */
function hydrate(file: SearchIndexFile): SearchDoc[] {
  const records = file.fuse.records as ReadonlyArray<IndexRecord>;
  const position = new Map<string, string>(FUSE_KEYS.map((k, i) => [k.name, String(i)]));
  return file.docs.map((doc, i) => {
    const fields = records[i]?.$ ?? {};
    const list = (key: string): string[] => {
      const value = fields[position.get(key) ?? ''];
      if (!value) return [];
      return Array.isArray(value) ? value.map((x) => x.v) : [value.v];
    };
    return {
      ...doc,
      title: list('title')[0] ?? doc.id,
      summary: list('summary')[0] ?? '',
      names: list('names'),
      messages: list('messages'),
      phrases: list('phrases'),
      zh: list('zh'),
    };
  });
}

/** A loaded searcher: lookup tables for recognised evidence plus Fuse. */
export class Searcher {
  readonly docs: readonly SearchDoc[];
  private readonly fuseKeys: SearchIndexFile['fuse']['keys'];
  private readonly fuseRecords: ReadonlyArray<{ i: number }>;
  private readonly grams = new Map<string, number[]>();
  /** Word stem → documents whose title, names, phrases or summary use it, with a field weight. */
  private readonly words = new Map<string, Map<number, number>>();
  private readonly byName = new Map<string, number>();
  private readonly byUnix = new Map<string, number[]>();
  private readonly byWinsock = new Map<number, number[]>();
  private readonly phrases = new Map<string, PhraseEntry[]>();
  private readonly cjk: Array<{ text: string; doc: number }> = [];

  constructor(file: SearchIndexFile) {
    if (file.version !== SEARCH_INDEX_VERSION) {
      throw new Error(`search index version ${file.version} is not ${SEARCH_INDEX_VERSION}: rebuild the data`);
    }
    this.docs = hydrate(file);
    this.fuseKeys = file.fuse.keys;
    this.fuseRecords = file.fuse.records as ReadonlyArray<{ i: number }>;
    this.docs.forEach((doc, i) => {
      const fields: Array<[string[], number]> = [
        [[doc.title, ...doc.names], 3],
        [doc.phrases, 2],
        [doc.messages, 2],
        [[doc.summary], 1],
      ];
      for (const [texts, weight] of fields) {
        for (const word of new Set(texts.flatMap(keywords))) {
          const postings = this.words.get(word) ?? new Map<number, number>();
          postings.set(i, Math.max(postings.get(i) ?? 0, weight));
          this.words.set(word, postings);
        }
      }
      const seen = new Set<string>();
      for (const text of [...doc.names, doc.title, ...doc.phrases, ...doc.messages, ...doc.zh]) {
        for (const g of grams(text)) seen.add(g);
      }
      for (const g of seen) push(this.grams, g, i);
      for (const name of doc.names) this.byName.set(name.toUpperCase(), i);
      for (const [platform, value] of Object.entries(doc.numbers)) {
        if (platform === 'winsock') push(this.byWinsock, value, i);
        else push(this.byUnix, `${platform}:${value}`, i);
      }
      for (const text of doc.messages) this.addPhrase(text, i, 'message');
      for (const text of doc.phrases) this.addPhrase(text, i, 'phrase');
      for (const text of doc.zh) if (hasCjk(text)) this.cjk.push({ text: text.toLowerCase(), doc: i });
    });
  }

  private addPhrase(text: string, doc: number, kind: PhraseEntry['kind']) {
    if (hasCjk(text)) this.cjk.push({ text: text.toLowerCase(), doc });
    const tokens = tokenize(text);
    const first = tokens[0];
    if (!first) return;
    const list = this.phrases.get(first) ?? [];
    list.push({ tokens, doc, kind, text });
    this.phrases.set(first, list);
  }

  /** Rank documents for a query; the same ranking the site and the CLI show. */
  search(query: string, limit = 10): SearchResult[] {
    return this.explain(query, limit).map(({ id, type, title, url, score }) => ({ id, type, title, url, score }));
  }

  /** Rank documents and say why each matched. */
  explain(query: string, limit = 10, base = '/'): ExplainedResult[] {
    return this.rank(query, limit, base, true);
  }

  /**
   * The errno a log line names, from exact evidence only (name, number in context,
   * strerror text, runtime wording), or null: cheap enough to run on every line of a log.
   */
  recognize(line: string): ExplainedResult | null {
    const best = this.rank(line, 1, '/', false)[0];
    return best && best.type === 'errno' && best.score >= RECOGNIZE_MIN ? best : null;
  }

  private rank(query: string, limit: number, base: string, fuzzy: boolean): ExplainedResult[] {
    const q = analyzeQuery(query);
    const scores = new Map<number, { points: number; reasons: string[]; matched: string[]; kinds: Set<string> }>();
    const add = (doc: number, points: number, kind: string, reason: string, matched?: string) => {
      const s = scores.get(doc) ?? { points: 0, reasons: [], matched: [], kinds: new Set<string>() };
      s.points += points;
      s.reasons.push(reason);
      if (matched) s.matched.push(matched);
      s.kinds.add(kind);
      scores.set(doc, s);
    };

    q.nameCandidates.forEach((name, order) => {
      const doc = this.byName.get(name);
      // The first name mentioned is usually the subject ("ECONNRESET vs EPIPE").
      if (doc !== undefined) add(doc, POINTS.name - 4 * Math.min(order, 5), 'name', `name ${name}`, name);
    });
    this.scoreNumbers(q, add);
    this.scorePhrases(q, add);
    if (fuzzy) this.scoreKeywords(query, q, add);
    if (q.hasCjk) {
      for (const { text, doc } of this.cjk) {
        if (q.lower.includes(text)) add(doc, POINTS.zh + Math.min(text.length, 12), 'zh', `中文 “${text}”`, text);
      }
    }
    if (fuzzy && (q.fuzzyText.length > 1 || q.hasCjk)) {
      const pattern = q.hasCjk ? query.trim().slice(0, 64) : q.fuzzyText;
      // Only the strongest exact-evidence documents join the candidates: the keyword layer
      // touches every document sharing a word, and Fuse's cost grows with each one.
      const strongest = [...scores.entries()]
        .sort((a, b) => b[1].points - a[1].points)
        .slice(0, MAX_EVIDENCE_CANDIDATES)
        .map(([doc]) => doc);
      const candidates = this.candidates(pattern, strongest);
      for (const r of this.fuseOver(candidates).search(pattern, { limit: 12 })) {
        const doc = candidates[r.refIndex];
        if (doc !== undefined) add(doc, (1 - (r.score ?? 1)) * POINTS.fuse, 'fuse', 'fuzzy match');
      }
    }

    const ranked = [...scores.entries()].map(([doc, s]) => {
      let points = s.points;
      // A number and a message that point at the same entry confirm each other.
      if (s.kinds.has('number') && (s.kinds.has('message') || s.kinds.has('phrase'))) points += POINTS.agreement;
      if (this.docs[doc]?.full) points += POINTS.full;
      // A pasted line wants the errno page first (DESIGN.md: the on-call engineer); a
      // question in words wants the scenario that tells the story.
      if (!q.question && this.docs[doc]?.type === 'scenario') points *= SCENARIO_WEIGHT_FOR_LINES;
      return { doc, points, s };
    });
    ranked.sort(
      (a, b) => b.points - a.points || (this.docs[a.doc]?.id ?? '').localeCompare(this.docs[b.doc]?.id ?? ''),
    );
    return ranked.slice(0, Math.max(0, limit)).flatMap(({ doc, points, s }) => {
      const d = this.docs[doc];
      if (!d) return [];
      return [
        {
          id: d.id,
          type: d.type,
          title: d.title,
          url: withBase(base, d.path),
          score: Math.round(points * 10) / 1000,
          doc: d,
          reasons: s.reasons,
          matched: [...new Set(s.matched)],
        },
      ];
    });
  }

  /**
   * Documents worth a fuzzy look: those with exact evidence, then those sharing the most
   * character trigrams with the query (robust to typos). Running Fuse over the whole
   * corpus costs O(entries) bitap scans, too slow at thousands of entries; over these
   * few it stays well under a frame.
   */
  private candidates(pattern: string, evidence: number[]): number[] {
    const counts = new Map<number, number>();
    const limit = Math.max(50, this.docs.length / 5);
    for (const g of grams(pattern)) {
      const posting = this.grams.get(g);
      // A trigram in a fifth of all documents says little and costs much.
      if (!posting || posting.length > limit) continue;
      for (const doc of posting) counts.set(doc, (counts.get(doc) ?? 0) + 1);
    }
    const byOverlap = [...counts.entries()]
      .filter(([, n]) => n >= 2)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CANDIDATES)
      .map(([doc]) => doc);
    return [...new Set([...evidence, ...byOverlap])].slice(0, MAX_CANDIDATES + evidence.length);
  }

  /** A Fuse instance over some documents, reusing their records from the prebuilt index. */
  private fuseOver(docs: readonly number[]): Fuse<SearchDoc> {
    const records = docs.flatMap((doc, j) => {
      const record = this.fuseRecords[doc] as IndexRecord | undefined;
      if (!record) return [];
      // Typo tolerance needs only the short fields; long runtime wordings and summaries are
      // matched exactly by the phrase and keyword layers, and re-tokenising them per query
      // is what would make Fuse slow.
      const $ = Object.fromEntries(Object.entries(record.$).filter(([key]) => FUZZY_FIELDS.has(key)));
      return [{ ...record, $, i: j }];
    });
    const index = Fuse.parseIndex<SearchDoc>({ keys: this.fuseKeys, records } as Parameters<
      typeof Fuse.parseIndex<SearchDoc>
    >[0]);
    return new Fuse(
      docs.flatMap((d) => this.docs[d] ?? []),
      FUSE_OPTIONS,
      index as FuseIndex<SearchDoc>,
    );
  }

  /**
   * Word relevance (IDF-weighted, by field) for queries in words: "why does TIME_WAIT last
   * 2MSL" shares rare words with the right scenario's title and summary. Questions lean
   * towards scenarios, which is where the answers to "why" and "how" live.
   */
  private scoreKeywords(
    query: string,
    q: QueryAnalysis,
    add: (d: number, p: number, k: string, r: string, m?: string) => void,
  ) {
    // Errno names already count as name evidence; counting them again as words would favour
    // pages that merely mention a name over the page of that name.
    const names = new Set(q.nameCandidates.filter((n) => this.byName.has(n)).map((n) => n.toLowerCase()));
    const terms = [...new Set(keywords(query))].filter((t) => !names.has(t)).slice(0, 24);
    if (terms.length === 0) return;
    const n = this.docs.length;
    const totals = new Map<number, number>();
    let best = 0;
    for (const term of terms) {
      const postings = this.words.get(term);
      if (!postings) continue;
      const idf = Math.log(1 + n / postings.size);
      for (const [doc, weight] of postings) {
        const score = (totals.get(doc) ?? 0) + idf * weight;
        totals.set(doc, score);
        best = Math.max(best, score);
      }
    }
    if (best === 0) return;
    for (const [doc, score] of totals) {
      const scenarioBoost = q.question && this.docs[doc]?.type === 'scenario' ? 1.3 : 1;
      // Scaled to the best document, so a long query does not outweigh exact evidence.
      add(doc, (score / best) * POINTS.keywords * scenarioBoost, 'keywords', 'words in common');
    }
  }

  private scoreNumbers(q: QueryAnalysis, add: (d: number, p: number, k: string, r: string, m?: string) => void) {
    for (const hint of q.numbers) {
      if (hint.context !== 'unix') {
        for (const doc of this.byWinsock.get(hint.value) ?? []) {
          add(
            doc,
            (hint.context === 'winsock' ? 60 : 45) * hint.weight,
            'number',
            `Winsock ${hint.value}`,
            String(hint.value),
          );
        }
      }
      if (hint.context === 'winsock') continue;
      for (const [platform, points] of Object.entries(UNIX_POINTS) as Array<[UnixPlatform, number]>) {
        for (const doc of this.byUnix.get(`${platform}:${hint.value}`) ?? []) {
          add(doc, points * hint.weight, 'number', `${platform} ${hint.value}`, String(hint.value));
        }
      }
    }
  }

  private scorePhrases(q: QueryAnalysis, add: (d: number, p: number, k: string, r: string, m?: string) => void) {
    const seen = new Set<string>();
    q.tokens.forEach((token, start) => {
      for (const entry of this.phrases.get(token) ?? []) {
        const { tokens } = entry;
        if (start + tokens.length > q.tokens.length) continue;
        if (!tokens.every((t, i) => q.tokens[start + i] === t)) continue;
        const key = `${entry.doc}:${entry.kind}:${entry.text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // Longer phrases are more specific; a one-word phrase is weak evidence.
        const length = Math.min(tokens.length, 8);
        const points =
          entry.kind === 'message'
            ? POINTS.message + length * 2
            : tokens.length === 1
              ? 12
              : POINTS.phrase + length * 4;
        add(entry.doc, points, entry.kind, `${entry.kind} “${entry.text}”`, entry.text);
      }
    });
  }
}

/** Character trigrams of each word (padded, so short words count), or character pairs in CJK text. */
function grams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of tokenize(text)) {
    if (hasCjk(word)) {
      for (let i = 0; i + 1 < word.length; i++) out.add(word.slice(i, i + 2));
      continue;
    }
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

function push<K>(map: Map<K, number[]>, key: K, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
