import type { z } from 'zod';
import {
  type ErrnoEntry,
  errnoSchema,
  type GlossaryTerm,
  glossarySchema,
  PLATFORMS,
  type Platform,
  type PlatformNumbers,
  type Scenario,
  scenarioSchema,
} from './schema';

/** The two content collections. */
export type CollectionName = 'errno' | 'scenarios' | 'glossary';

/** One content file as read from disk, before validation. */
export interface RawDocument {
  /** Path shown in messages, relative to the project root. */
  path: string;
  collection: CollectionName;
  /** File name without extension: the entry's id. */
  id: string;
  /** Parsed frontmatter, or an Error if it could not be parsed. */
  data: unknown;
  body: string;
}

/** A validated errno entry with its id and source path. */
export interface ErrnoDoc {
  id: string;
  path: string;
  data: ErrnoEntry;
  body: string;
}

/** A validated scenario with its id (slug) and source path. */
export interface ScenarioDoc {
  id: string;
  path: string;
  data: Scenario;
  body: string;
}

/** A validated glossary term with its slug and source path. */
export interface GlossaryDoc {
  id: string;
  path: string;
  data: GlossaryTerm;
  body: string;
}

/** One thing wrong with the content: printed as `file: field: message`. */
export interface Problem {
  file: string;
  field: string;
  message: string;
}

/** The outcome of validating the whole content tree. */
export interface ValidationResult {
  problems: Problem[];
  errnos: ErrnoDoc[];
  scenarios: ScenarioDoc[];
  glossary: GlossaryDoc[];
}

/** Body sections every full errno entry has, in this order (docs/CONTENT-GUIDE.md). */
export const FULL_ENTRY_SECTIONS = ['## On the wire', '## Handling it in code', '## Platform differences'] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function slugProblem(file: string): Problem {
  return {
    file,
    field: '(file name)',
    message: 'the file name must be a lower-case slug like server-process-killed.mdx',
  };
}

/** Site sections a body may link to without naming an entry. */
const SECTION_PAGES = new Set(['/', '/errno/', '/scenarios/', '/glossary/', '/quiz/', '/flashcards/', '/search/']);

/** Markdown links in an MDX body to pages of this site, like `[EPIPE](/errno/epipe/)`. */
export function siteLinks(body: string): string[] {
  const links: string[] = [];
  for (const m of body.matchAll(/\]\((\/[^)\s]*)\)/g)) {
    const link = m[1];
    if (link && !link.startsWith('//')) links.push(link);
  }
  return links;
}

/** Format a problem as `path/to/file.mdx: field: what is wrong`. */
export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}

/** Render a zod issue path as `a.b[0].c`. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(frontmatter)';
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return issue.message;
}

function schemaProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    file,
    field: fieldPath(issue.path),
    message: issueMessage(issue),
  }));
}

/** Numbers an entry claims, per platform: its own and its aliases'. */
function claimedNumbers(entry: ErrnoEntry): Array<[Platform, number, string]> {
  const out: Array<[Platform, number, string]> = [];
  const add = (numbers: PlatformNumbers, field: string) => {
    for (const platform of PLATFORMS) {
      const value = numbers[platform];
      if (value === null) continue;
      out.push([platform, typeof value === 'number' ? value : value.code, `${field}.${platform}`]);
    }
  };
  add(entry.numbers, 'numbers');
  entry.aliases.forEach((alias, i) => {
    if (alias.numbers) add(alias.numbers, `aliases[${i}].numbers`);
  });
  return out;
}

/** Validate every document and the references between them; never throws on bad content. */
export function validateCorpus(docs: readonly RawDocument[]): ValidationResult {
  const problems: Problem[] = [];
  const errnos: ErrnoDoc[] = [];
  const scenarios: ScenarioDoc[] = [];
  const glossary: GlossaryDoc[] = [];
  // Entries that exist but failed their schema: references to them are not reported again.
  const invalid = { names: new Set<string>(), scenarios: new Set<string>(), glossary: new Set<string>() };

  for (const doc of docs) {
    if (doc.data instanceof Error) {
      problems.push({ file: doc.path, field: '(frontmatter)', message: doc.data.message });
      continue;
    }
    if (doc.collection === 'errno') {
      const parsed = errnoSchema.safeParse(doc.data);
      if (!parsed.success) {
        problems.push(...schemaProblems(doc.path, parsed.error));
        const name = (doc.data as { name?: unknown } | null)?.name;
        if (typeof name === 'string') invalid.names.add(name);
        continue;
      }
      if (parsed.data.name.toLowerCase() !== doc.id) {
        problems.push({
          file: doc.path,
          field: 'name',
          message: `"${parsed.data.name}" must live in ${parsed.data.name.toLowerCase()}.mdx`,
        });
      }
      if (parsed.data.kind === 'full') {
        for (const heading of FULL_ENTRY_SECTIONS) {
          if (!doc.body.includes(`\n${heading}\n`) && !doc.body.startsWith(`${heading}\n`)) {
            problems.push({ file: doc.path, field: '(body)', message: `a full entry needs a "${heading}" section` });
          }
        }
      }
      errnos.push({ id: doc.id, path: doc.path, data: parsed.data, body: doc.body });
    } else if (doc.collection === 'scenarios') {
      const parsed = scenarioSchema.safeParse(doc.data);
      if (!parsed.success) {
        problems.push(...schemaProblems(doc.path, parsed.error));
        invalid.scenarios.add(doc.id);
        continue;
      }
      if (!SLUG.test(doc.id)) problems.push(slugProblem(doc.path));
      scenarios.push({ id: doc.id, path: doc.path, data: parsed.data, body: doc.body });
    } else {
      const parsed = glossarySchema.safeParse(doc.data);
      if (!parsed.success) {
        problems.push(...schemaProblems(doc.path, parsed.error));
        invalid.glossary.add(doc.id);
        continue;
      }
      if (!SLUG.test(doc.id)) problems.push(slugProblem(doc.path));
      glossary.push({ id: doc.id, path: doc.path, data: parsed.data, body: doc.body });
    }
  }

  problems.push(
    ...uniquenessProblems(errnos),
    ...referenceProblems(errnos, scenarios, invalid),
    ...glossaryProblems(glossary, errnos, scenarios, invalid),
    ...linkProblems(docs, errnos, scenarios, glossary, invalid),
  );
  return { problems, errnos, scenarios, glossary };
}

function uniquenessProblems(errnos: readonly ErrnoDoc[]): Problem[] {
  const problems: Problem[] = [];
  const names = new Map<string, ErrnoDoc>();
  const claimName = (name: string, doc: ErrnoDoc, field: string) => {
    const owner = names.get(name);
    if (owner && owner !== doc) {
      problems.push({ file: doc.path, field, message: `${name} is already defined by ${owner.path}` });
    } else if (owner === doc) {
      problems.push({ file: doc.path, field, message: `${name} is listed twice in this entry` });
    } else {
      names.set(name, doc);
    }
  };
  for (const doc of errnos) {
    claimName(doc.data.name, doc, 'name');
    doc.data.aliases.forEach((alias, i) => {
      claimName(alias.name, doc, `aliases[${i}].name`);
    });
  }

  const numbers = new Map<string, { doc: ErrnoDoc; name: string }>();
  for (const doc of errnos) {
    for (const [platform, value, field] of claimedNumbers(doc.data)) {
      const key = `${platform}:${value}`;
      const owner = numbers.get(key);
      if (owner && owner.doc !== doc) {
        problems.push({
          file: doc.path,
          field,
          message: `${platform} number ${value} is already ${owner.name} in ${owner.doc.path}`,
        });
      } else if (!owner) {
        numbers.set(key, { doc, name: doc.data.name });
      }
    }
  }
  return problems;
}

function referenceProblems(
  errnos: readonly ErrnoDoc[],
  scenarios: readonly ScenarioDoc[],
  invalid: { names: ReadonlySet<string>; scenarios: ReadonlySet<string> },
): Problem[] {
  const problems: Problem[] = [];
  const errnoByName = new Map(errnos.map((d) => [d.data.name, d]));
  const scenarioById = new Map(scenarios.map((s) => [s.id, s]));
  const errnoExists = (name: string) => errnoByName.has(name) || invalid.names.has(name);
  const seenScenarioIds = new Set<string>();

  for (const doc of errnos) {
    const seen = new Set<string>();
    doc.data.related.forEach((rel, i) => {
      const field = `related[${i}].name`;
      if (rel.name === doc.data.name) {
        problems.push({ file: doc.path, field, message: 'an entry cannot be related to itself' });
      } else if (!errnoExists(rel.name)) {
        problems.push({ file: doc.path, field, message: `no errno entry named ${rel.name}` });
      } else if (seen.has(rel.name)) {
        problems.push({ file: doc.path, field, message: `${rel.name} is listed twice` });
      }
      seen.add(rel.name);
    });
    doc.data.causes.forEach((cause, i) => {
      if (!cause.scenario) return;
      const scenario = scenarioById.get(cause.scenario);
      const field = `causes[${i}].scenario`;
      if (!scenario) {
        if (invalid.scenarios.has(cause.scenario)) return;
        problems.push({ file: doc.path, field, message: `no scenario with slug "${cause.scenario}"` });
      } else if (!scenario.data.errnos.includes(doc.data.name)) {
        problems.push({
          file: doc.path,
          field,
          message: `scenario "${cause.scenario}" does not list ${doc.data.name} in its errnos`,
        });
      }
    });
  }

  for (const scenario of scenarios) {
    if (seenScenarioIds.has(scenario.id)) {
      problems.push({ file: scenario.path, field: '(file name)', message: `duplicate scenario slug "${scenario.id}"` });
    }
    seenScenarioIds.add(scenario.id);
    const listed = new Set<string>();
    scenario.data.errnos.forEach((name, i) => {
      const field = `errnos[${i}]`;
      if (!errnoExists(name)) {
        problems.push({ file: scenario.path, field, message: `no errno entry named ${name}` });
      } else if (listed.has(name)) {
        problems.push({ file: scenario.path, field, message: `${name} is listed twice` });
      }
      listed.add(name);
    });
    scenario.data.timeline.forEach((step, s) => {
      step.calls.forEach((call, c) => {
        if (call.errno && !listed.has(call.errno)) {
          problems.push({
            file: scenario.path,
            field: `timeline[${s}].calls[${c}].errno`,
            message: `${call.errno} must also appear in this scenario's errnos`,
          });
        }
      });
    });
  }
  return problems;
}

function glossaryProblems(
  glossary: readonly GlossaryDoc[],
  errnos: readonly ErrnoDoc[],
  scenarios: readonly ScenarioDoc[],
  invalid: { names: ReadonlySet<string>; scenarios: ReadonlySet<string> },
): Problem[] {
  const problems: Problem[] = [];
  const names = new Set([...errnos.map((e) => e.data.name), ...invalid.names]);
  const slugs = new Set([...scenarios.map((s) => s.id), ...invalid.scenarios]);
  for (const term of glossary) {
    term.data.errnos.forEach((name, i) => {
      if (!names.has(name))
        problems.push({ file: term.path, field: `errnos[${i}]`, message: `no errno entry named ${name}` });
    });
    term.data.scenarios.forEach((slug, i) => {
      if (!slugs.has(slug)) {
        problems.push({ file: term.path, field: `scenarios[${i}]`, message: `no scenario with slug "${slug}"` });
      }
    });
  }
  return problems;
}

function linkProblems(
  docs: readonly RawDocument[],
  errnos: readonly ErrnoDoc[],
  scenarios: readonly ScenarioDoc[],
  glossary: readonly GlossaryDoc[],
  invalid: { names: ReadonlySet<string>; scenarios: ReadonlySet<string>; glossary: ReadonlySet<string> },
): Problem[] {
  const pages = new Set(SECTION_PAGES);
  for (const e of errnos) pages.add(`/errno/${e.data.name.toLowerCase()}/`);
  for (const name of invalid.names) pages.add(`/errno/${name.toLowerCase()}/`);
  for (const id of [...scenarios.map((s) => s.id), ...invalid.scenarios]) pages.add(`/scenarios/${id}/`);
  for (const id of [...glossary.map((g) => g.id), ...invalid.glossary]) pages.add(`/glossary/${id}/`);
  const problems: Problem[] = [];
  for (const doc of docs) {
    if (/href=["']\/(?!\/)/.test(doc.body)) {
      // Only markdown links get the base path added (ContentLink.astro); raw JSX links would break under /wiki/.
      problems.push({
        file: doc.path,
        field: '(body)',
        message: 'link to a site page with a markdown link [text](/path/), not href="/..."',
      });
    }
    for (const link of siteLinks(doc.body)) {
      const target = link.replace(/[#?].*$/, '');
      if (!pages.has(target)) {
        problems.push({
          file: doc.path,
          field: '(body)',
          message: `link to ${link}: no such page (write /errno/<name>/, /scenarios/<slug>/ or /glossary/<slug>/)`,
        });
      }
    }
  }
  return problems;
}
