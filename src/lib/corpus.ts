import type { ErrnoDoc, ScenarioDoc } from './validate';

/** Sort errno entries by name, the order every listing uses. */
export function sortErrnos<T extends { data: { name: string } }>(errnos: readonly T[]): T[] {
  return [...errnos].sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'));
}

/** Sort scenarios by title. */
export function sortScenarios<T extends { data: { title: string } }>(scenarios: readonly T[]): T[] {
  return [...scenarios].sort((a, b) => a.data.title.localeCompare(b.data.title, 'en'));
}

/** Slugs of the scenarios that produce an errno, sorted by title. */
export function scenariosProducing(name: string, scenarios: readonly ScenarioDoc[]): ScenarioDoc[] {
  return sortScenarios(scenarios.filter((s) => s.data.errnos.includes(name)));
}

/** Errno entries a scenario involves, in the scenario's own order. */
export function errnosOf(scenario: ScenarioDoc, errnos: readonly ErrnoDoc[]): ErrnoDoc[] {
  const byName = new Map(errnos.map((e) => [e.data.name, e]));
  return scenario.data.errnos.flatMap((n) => byName.get(n) ?? []);
}
