import { scenariosProducing, sortErrnos, sortScenarios } from './corpus';
import { errnoPath, glossaryPath, scenarioPath, withBase } from './urls';
import type { ErrnoDoc, GlossaryDoc, ScenarioDoc } from './validate';

/** Version of the open data files' shape; bump on any breaking change. */
export const OPEN_DATA_VERSION = 1;

/** Build /data/errnos.json: every entry's frontmatter facts, its URL and the scenarios producing it. */
export function errnosJson(errnos: readonly ErrnoDoc[], scenarios: readonly ScenarioDoc[], base: string) {
  return {
    version: OPEN_DATA_VERSION,
    errnos: sortErrnos(errnos).map((e) => ({
      ...e.data,
      url: withBase(base, errnoPath(e.data.name)),
      scenarios: scenariosProducing(e.data.name, scenarios).map((s) => s.id),
    })),
  };
}

/** Build /data/scenarios.json: every scenario's frontmatter, slug and URL. */
export function scenariosJson(scenarios: readonly ScenarioDoc[], base: string) {
  return {
    version: OPEN_DATA_VERSION,
    scenarios: sortScenarios(scenarios).map((s) => ({
      slug: s.id,
      ...s.data,
      url: withBase(base, scenarioPath(s.id)),
    })),
  };
}

/** Build /data/glossary.json: every term with its slug and URL. */
export function glossaryJson(glossary: readonly GlossaryDoc[], base: string) {
  return {
    version: OPEN_DATA_VERSION,
    glossary: [...glossary]
      .sort((a, b) => a.id.localeCompare(b.id, 'en'))
      .map((g) => ({ slug: g.id, ...g.data, url: withBase(base, glossaryPath(g.id)) })),
  };
}

/** Serialise generated data deterministically: stable key order from construction, two-space indent, final newline. */
export function stringify(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
