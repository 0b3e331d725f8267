import { describe, expect, it } from 'vitest';
import { highlight, highlightTerms } from '../../src/lib/search/highlight';

describe('highlight', () => {
  it('marks every occurrence, case-insensitively, keeping the original text', () => {
    expect(highlight('Connection reset by peer; reset again', ['RESET'])).toEqual([
      { text: 'Connection ', mark: false },
      { text: 'reset', mark: true },
      { text: ' by peer; ', mark: false },
      { text: 'reset', mark: true },
      { text: ' again', mark: false },
    ]);
  });

  it('merges overlapping terms into one marked run', () => {
    expect(highlight('ECONNRESET', ['ECONN', 'CONNRESET'])).toEqual([{ text: 'ECONNRESET', mark: true }]);
  });

  it('returns the text unmarked when nothing matches or no terms are given', () => {
    expect(highlight('EPIPE', [])).toEqual([{ text: 'EPIPE', mark: false }]);
    expect(highlight('EPIPE', ['zzz'])).toEqual([{ text: 'EPIPE', mark: false }]);
    expect(highlight('', ['x'])).toEqual([]);
  });

  it('concatenates back to the input for any terms (property)', () => {
    const texts = ['对方复位连接', 'a.b.c', 'Broken pipe (EPIPE)', '  spaced  '];
    const terms = [['复位'], ['.'], ['pipe', 'EPIPE', 'e'], [' ']];
    texts.forEach((t, i) => {
      expect(
        highlight(t, terms[i] ?? [])
          .map((s) => s.text)
          .join(''),
      ).toBe(t);
    });
  });
});

describe('highlightTerms', () => {
  it('combines matched strings and the query words of three letters or more', () => {
    expect(highlightTerms('read ECONNRESET now', ['ECONNRESET'])).toEqual(['ECONNRESET', 'read', 'econnreset', 'now']);
  });
});
