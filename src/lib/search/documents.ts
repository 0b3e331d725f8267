import { PLATFORMS, type Platform, type PlatformNumbers } from '../schema';
import { errnoPath, scenarioPath } from '../urls';
import type { ErrnoDoc, ScenarioDoc } from '../validate';

/** What a search result points at. */
export type ResultType = 'errno' | 'scenario';

/** Unix-side platform keys whose numbers a pasted "[Errno N]" may carry. */
export type UnixPlatform = Exclude<Platform, 'winsock'>;

/**
 * One searchable document: compact fields only (never a page body), small enough that
 * the whole set ships to the browser with the prebuilt Fuse index.
 */
export interface SearchDoc {
  /** Errno name (ECONNRESET) or scenario slug. */
  id: string;
  type: ResultType;
  title: string;
  /** Site-relative URL without the base path, e.g. errno/econnreset/. */
  path: string;
  /** One-line meaning. */
  summary: string;
  /** Names: the errno, its aliases and its WSA name; empty for scenarios. */
  names: string[];
  /** Numbers per platform (unix platforms) and the Winsock code; empty for scenarios. */
  numbers: Partial<Record<UnixPlatform, number>> & { winsock?: number };
  /** strerror()/FormatMessage texts. */
  messages: string[];
  /** Runtime wordings, log fragments, plain-language phrasings. */
  phrases: string[];
  /** Chinese names and translations. */
  zh: string[];
  /** Full entry (socket errno with a page of explanation) or short reference. */
  full: boolean;
}

function numbersOf(n: PlatformNumbers): SearchDoc['numbers'] {
  const out: SearchDoc['numbers'] = {};
  for (const p of PLATFORMS) {
    const v = n[p];
    if (v === null) continue;
    if (p === 'winsock') out.winsock = typeof v === 'number' ? v : v.code;
    else if (typeof v === 'number') out[p] = v;
  }
  return out;
}

const unique = (values: Array<string | null | undefined>): string[] => [
  ...new Set(values.filter((v): v is string => typeof v === 'string' && v.length > 0)),
];

/** Build the search documents for every errno entry and scenario, in a stable order. */
export function searchDocuments(errnos: readonly ErrnoDoc[], scenarios: readonly ScenarioDoc[]): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const { data: e } of [...errnos].sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'))) {
    const ws = e.numbers.winsock;
    docs.push({
      id: e.name,
      type: 'errno',
      title: e.name,
      path: errnoPath(e.name),
      summary: e.summary,
      names: unique([e.name, ...e.aliases.map((a) => a.name), ws?.name]),
      numbers: numbersOf(e.numbers),
      messages: unique([e.messages.glibc, e.messages.freebsd, e.messages.macos, e.messages.winsock]),
      phrases: unique(e.searchAliases),
      zh: unique([e.zh.glibc, ...e.zh.terms]),
      full: e.kind === 'full',
    });
  }
  for (const s of [...scenarios].sort((a, b) => a.id.localeCompare(b.id, 'en'))) {
    docs.push({
      id: s.id,
      type: 'scenario',
      title: s.data.title,
      path: scenarioPath(s.id),
      summary: s.data.summary,
      names: [],
      numbers: {},
      messages: [],
      phrases: unique([s.data.title, ...s.data.searchAliases]),
      zh: unique([s.data.titleZh, ...s.data.zhTerms]),
      full: true,
    });
  }
  return docs;
}
