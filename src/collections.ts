import { type CollectionEntry, getCollection } from 'astro:content';
import { sortErrnos, sortScenarios } from './lib/corpus';
import type { ErrnoDoc, ScenarioDoc } from './lib/validate';

// The only module that calls getCollection: pages ask here, so sorting and the shape
// handed to src/lib are decided once.

/** An errno entry as Astro loads it. */
export type ErrnoCollectionEntry = CollectionEntry<'errno'>;
/** A scenario as Astro loads it. */
export type ScenarioCollectionEntry = CollectionEntry<'scenarios'>;

/** Every errno entry, sorted by name. */
export async function getErrnos(): Promise<ErrnoCollectionEntry[]> {
  return sortErrnos(await getCollection('errno'));
}

/** A glossary term as Astro loads it. */
export type GlossaryCollectionEntry = CollectionEntry<'glossary'>;

/** Every glossary term, sorted by term. */
export async function getGlossary(): Promise<GlossaryCollectionEntry[]> {
  return [...(await getCollection('glossary'))].sort((a, b) => a.data.term.localeCompare(b.data.term, 'en'));
}

/** Every scenario, sorted by title. */
export async function getScenarios(): Promise<ScenarioCollectionEntry[]> {
  return sortScenarios(await getCollection('scenarios'));
}

/** Adapt Astro entries to the plain documents src/lib works on. */
export function toDocs<T extends ErrnoCollectionEntry | ScenarioCollectionEntry>(
  entries: readonly T[],
): Array<T extends ErrnoCollectionEntry ? ErrnoDoc : ScenarioDoc> {
  return entries.map((e) => ({ id: e.id, path: e.filePath ?? e.id, data: e.data, body: e.body ?? '' })) as Array<
    T extends ErrnoCollectionEntry ? ErrnoDoc : ScenarioDoc
  >;
}
