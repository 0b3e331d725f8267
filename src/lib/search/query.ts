/** Which numbering a number found in a query most likely belongs to. */
export type NumberContext = 'unix' | 'winsock' | 'any';

/** A number lifted from a pasted line, with the wording that revealed it. */
export interface NumberHint {
  value: number;
  context: NumberContext;
  /** How sure the pattern is that this is an error number (1 = certain, lower = a guess). */
  weight: number;
}

/** What the query-understanding layer made of a query. */
export interface QueryAnalysis {
  /** Lower-case word tokens (letters and digits), in order. */
  tokens: string[];
  /** Tokens shaped like errno or WSA names, upper-cased. */
  nameCandidates: string[];
  numbers: NumberHint[];
  /** The query with digits and punctuation noise removed, for fuzzy matching. */
  fuzzyText: string;
  /** True when the query contains CJK characters. */
  hasCjk: boolean;
  /** True for a question in words ("why does…", "how to…", "…?"), which scenarios answer best. */
  question: boolean;
  /** The query lower-cased with runs of space collapsed, for CJK substring checks. */
  lower: string;
}

// Each pattern knows which numbering it reveals. Order does not matter: all are applied.
const NUMBER_PATTERNS: Array<{ re: RegExp; context: NumberContext; weight: number }> = [
  { re: /\[errno\s+(\d{1,4})\]/gi, context: 'unix', weight: 1 }, // Python: [Errno 104]
  { re: /\[winerror\s+(\d{4,5})\]/gi, context: 'winsock', weight: 1 }, // Python on Windows
  { re: /\berrno\s*[:=]?\s*-?(\d{1,5})\b/gi, context: 'unix', weight: 1 }, // Node errno: -104, errno=104
  { re: /\bos error\s+(\d{1,5})\b/gi, context: 'unix', weight: 1 }, // Rust
  { re: /\bcode:\s*(\d{1,5})\s*,\s*kind:/gi, context: 'unix', weight: 1 }, // Rust Debug: Os { code: 111, kind: ...
  { re: /\((\d{1,3}):\s/g, context: 'unix', weight: 1 }, // nginx: (104: Connection reset by peer)
  { re: /\bsocketexception\s*\((\d{1,5})\)/gi, context: 'any', weight: 1 }, // .NET
  { re: /\b(?:error|err|code|status)\s*(?:code)?\s*[:=#]?\s*-?(\d{1,5})\b/gi, context: 'any', weight: 0.8 },
  { re: /\((\d{1,5})\)\s*$/g, context: 'any', weight: 0.6 }, // MySQL: Can't connect ... (111)
  { re: /(?<![\d.:])\b(1[01]\d{3})\b(?![\d.:])/g, context: 'winsock', weight: 0.9 }, // 10054
];

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Split text into lower-case word tokens; CJK runs stay whole (they are matched by substring). */
export function tokenize(text: string): string[] {
  // Underscores split words, so CLOSE_WAIT, CLOSE-WAIT (as ss prints it) and "close wait" match.
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Read a pasted log line or question: names, numbers with their platform, tokens. */
export function analyzeQuery(query: string): QueryAnalysis {
  const text = query.normalize('NFKC').slice(0, 2000);
  const tokens = tokenize(text);
  const nameCandidates = [
    ...new Set(tokens.filter((t) => /^(wsa)?e[a-z0-9]{2,}$/.test(t)).map((t) => t.toUpperCase())),
  ];
  const numbers: NumberHint[] = [];
  // systemd's "status=13/PIPE" is a signal number, not an errno: keep it out of the number hints.
  const scanned = text.replace(/\bstatus=\d+\/[A-Z]+/g, ' ');
  for (const { re, context, weight } of NUMBER_PATTERNS) {
    for (const m of scanned.matchAll(re)) {
      const value = Number(m[1]);
      if (!Number.isFinite(value) || value <= 0) continue;
      numbers.push({ value, context: value >= 10000 ? 'winsock' : context, weight });
    }
  }
  const bare = /^\s*-?(\d{1,5})\s*$/.exec(text);
  if (bare) {
    const value = Number(bare[1]);
    if (value > 0) numbers.push({ value, context: value >= 10000 ? 'winsock' : 'any', weight: 1 });
  }
  const fuzzyText = tokens
    .filter((t) => !/^\d+$/.test(t) && t.length > 1)
    .slice(0, 24)
    .join(' ');
  return {
    tokens,
    nameCandidates,
    numbers: dedupeNumbers(numbers),
    fuzzyText,
    hasCjk: CJK.test(text),
    question:
      /^\s*(why|how|what|when|where|which|who|does|do|is|are|can|should|difference|explain)\b/i.test(text) ||
      /[?？]\s*$/.test(text) ||
      /(怎么|为什么|如何|什么|区别)/.test(text),
    lower: text.toLowerCase().replace(/\s+/g, ' '),
  };
}

/** Keep the strongest hint per (value, context). */
function dedupeNumbers(hints: NumberHint[]): NumberHint[] {
  const best = new Map<string, NumberHint>();
  for (const h of hints) {
    const key = `${h.value}:${h.context}`;
    const seen = best.get(key);
    if (!seen || seen.weight < h.weight) best.set(key, h);
  }
  return [...best.values()];
}

/** True when the text contains CJK characters. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

// Words that carry no meaning for ranking.
const STOPWORDS = new Set(
  'a an and are as at be by can do does for from how i in into is it its my of on or so that the then this to was what when where which while who why will with you your after before over under about just get gets got'.split(
    ' ',
  ),
);

/** Normalise a word for keyword matching: lower case, common English endings removed. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** The meaningful word stems of a text, without stopwords, numbers or single letters. */
export function keywords(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.length > 1 && !STOPWORDS.has(t) && !/^\d+$/.test(t) && !CJK.test(t))
    .map(stem);
}
