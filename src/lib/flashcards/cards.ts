import { ACTION_LABELS, CATEGORY_LABELS, type Category } from '../schema';
import { errnoPath, glossaryPath, scenarioPath } from '../urls';
import type { ErrnoDoc, GlossaryDoc, ScenarioDoc } from '../validate';

/** Version of /data/flashcards.json's shape. */
export const FLASHCARD_DATA_VERSION = 1;

/** Deck topics: the errno categories, scenarios and the glossary. */
export type DeckTopic = Category | 'scenarios' | 'glossary';

/** One flashcard: plain-text front and back, and the page that teaches it. */
export interface Flashcard {
  /** Stable id; progress is stored under it, so it never changes for the same fact. */
  id: string;
  topic: DeckTopic;
  front: string;
  /** Lines of the answer side. */
  back: string[];
  /** Site-relative path of the page. */
  path: string;
}

/** The whole of /data/flashcards.json. */
export interface FlashcardData {
  version: number;
  topics: Array<{ id: DeckTopic; title: string }>;
  cards: Flashcard[];
}

/** Build the deck: per errno a name card and a message card, per scenario and glossary term one card. */
export function generateFlashcards(
  errnos: readonly ErrnoDoc[],
  scenarios: readonly ScenarioDoc[],
  glossary: readonly GlossaryDoc[],
): FlashcardData {
  const cards: Flashcard[] = [];
  // New cards are studied in deck order: the socket errnos (full entries) before the rest.
  const ordered = [...errnos].sort(
    (a, b) =>
      Number(b.data.kind === 'full') - Number(a.data.kind === 'full') || a.data.name.localeCompare(b.data.name, 'en'),
  );
  for (const { data: e } of ordered) {
    const numbers = [
      e.numbers.linux === null ? null : `Linux ${e.numbers.linux}`,
      e.numbers.macos === null ? null : `macOS ${e.numbers.macos}`,
      e.numbers.winsock ? `Windows ${e.numbers.winsock.code} ${e.numbers.winsock.name}` : null,
    ].filter(Boolean);
    const handling = e.handling[0];
    cards.push({
      id: `errno:${e.name}`,
      topic: e.category,
      front: e.name,
      back: [
        e.summary,
        `“${e.messages.glibc}”`,
        numbers.join(' · '),
        ...(e.kind === 'full' && handling ? [`Usually: ${ACTION_LABELS[handling.action]}. ${handling.why}`] : []),
      ],
      path: errnoPath(e.name),
    });
    cards.push({
      id: `message:${e.name}`,
      topic: e.category,
      front: `Which errno is “${e.messages.glibc}”?`,
      back: [e.name, e.summary],
      path: errnoPath(e.name),
    });
  }
  for (const s of [...scenarios].sort((a, b) => a.id.localeCompare(b.id, 'en'))) {
    const d = s.data;
    const last = d.timeline.at(-1);
    cards.push({
      id: `scenario:${s.id}`,
      topic: 'scenarios',
      front: `${d.title}: what happens, and what does each side see?`,
      back: [
        d.summary,
        ...(last
          ? [`Ends with ${d.actors.left} in ${last.states.left}, ${d.actors.right} in ${last.states.right}.`]
          : []),
        ...(d.errnos.length > 0 ? [`Errors: ${d.errnos.join(', ')}`] : []),
      ],
      path: scenarioPath(s.id),
    });
  }
  for (const g of [...glossary].sort((a, b) => a.id.localeCompare(b.id, 'en'))) {
    cards.push({
      id: `term:${g.id}`,
      topic: 'glossary',
      front: g.data.term,
      back: [g.data.summary],
      path: glossaryPath(g.id),
    });
  }
  const topics: FlashcardData['topics'] = [
    ...(Object.entries(CATEGORY_LABELS) as Array<[Category, string]>).map(([id, title]) => ({ id, title })),
    { id: 'scenarios', title: 'Scenarios' },
    { id: 'glossary', title: 'Glossary' },
  ];
  return {
    version: FLASHCARD_DATA_VERSION,
    topics: topics.filter((t) => cards.some((c) => c.topic === t.id)),
    cards,
  };
}
