/** A run of text, marked when it matched the query. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** Split text into runs, marking (case-insensitively) every occurrence of the given terms; longest terms win. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const wanted = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 1))].sort(
    (a, b) => b.length - a.length,
  );
  if (wanted.length === 0 || text.length === 0) return text ? [{ text, mark: false }] : [];
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const term of wanted) {
    const needle = term.toLowerCase();
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      for (let i = at; i < at + needle.length; i++) marked[i] = true;
    }
  }
  const out: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const mark = marked[i] ?? false;
    const last = out.at(-1);
    if (last && last.mark === mark) last.text += text[i];
    else out.push({ text: text[i] ?? '', mark });
  }
  return out;
}

/** Terms worth highlighting for a query: its words plus the exact strings that matched. */
export function highlightTerms(query: string, matched: readonly string[]): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}_]{3,}/gu) ?? [];
  return [...matched, ...words];
}
