import { withBase } from '../urls';
import type { Flashcard } from './cards';

/** Escape text for an HTML field. */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A field may hold no tab or newline: the file is tab-separated, one note per line. */
function field(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ');
}

/**
 * Render cards in Anki's text import format: header lines fix the separator, HTML, note
 * type, deck, and which columns hold the GUID (so re-importing updates notes instead of
 * duplicating them) and the tags.
 */
export function toAnki(
  cards: readonly Flashcard[],
  options: { deck: string; base: string; site?: string | undefined },
): string {
  const lines = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    `#deck:${options.deck}`,
    '#guid column:1',
    '#tags column:4',
    '#columns:GUID\tFront\tBack\tTags',
  ];
  for (const card of cards) {
    // Absolute when the site's address is known, so the link works from inside Anki.
    const path = withBase(options.base, card.path);
    const link = options.site ? new URL(path, options.site).href : path;
    const back = `${card.back.map(html).join('<br>')}<br><a href="${html(link)}">${html(link)}</a>`;
    const tags = ['sockerr', `sockerr::${card.topic}`].join(' ');
    lines.push([`sockerr-${card.id}`, html(card.front), back, tags].map(field).join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
