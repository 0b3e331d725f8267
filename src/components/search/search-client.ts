import { highlight, highlightTerms } from '../../lib/search/highlight';
import type { ExplainedResult, Searcher } from '../../lib/search/search';

// Browser side of search: loads the prebuilt index on first use (never on page load) and
// renders results as DOM. Ranking is src/lib/search, the same code the CLI runs.

let loading: Promise<Searcher> | undefined;

/** The searcher, loaded once per page: the search code is a separate chunk, the index a data file. */
export function loadSearcher(base: string): Promise<Searcher> {
  loading ??= (async () => {
    const [{ Searcher }, response] = await Promise.all([
      import('../../lib/search/search'),
      fetch(`${base}data/search-index.json`),
    ]);
    if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
    return new Searcher(await response.json());
  })();
  loading.catch(() => {
    loading = undefined; // let a later attempt retry, e.g. once the network is back
  });
  return loading;
}

function marked(text: string, terms: string[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const segment of highlight(text, terms)) {
    if (segment.mark) {
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      fragment.append(mark);
    } else {
      fragment.append(segment.text);
    }
  }
  return fragment;
}

function numbersLine(result: ExplainedResult): string {
  const n = result.doc.numbers;
  const parts = [
    n.linux === undefined ? null : `Linux ${n.linux}`,
    n.macos === undefined ? null : `macOS ${n.macos}`,
    n.winsock === undefined ? null : `Windows ${n.winsock}`,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** Render results as links with a type badge, numbers and the matched text highlighted. */
export function renderResults(
  list: HTMLElement,
  results: ExplainedResult[],
  query: string,
  idPrefix: string,
  mode: 'listbox' | 'list',
): void {
  list.replaceChildren();
  results.forEach((result, i) => {
    const terms = highlightTerms(query, result.matched);
    const item = document.createElement('li');
    item.id = `${idPrefix}-${i}`;
    // In a listbox the option itself is the target (no link inside it: ARIA forbids nesting
    // interactive elements); on the search page each result is an ordinary link.
    const link = document.createElement(mode === 'listbox' ? 'span' : 'a');
    link.className = 'result';
    if (mode === 'listbox') {
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      item.dataset.href = result.url;
    } else {
      (link as HTMLAnchorElement).href = result.url;
    }
    const badge = document.createElement('span');
    badge.className = `badge badge-${result.type}`;
    badge.textContent = result.type;
    const title = document.createElement('span');
    title.className = 'result-title';
    title.append(marked(result.title, terms));
    link.append(badge, ' ', title);
    if (result.type === 'errno') {
      const numbers = document.createElement('span');
      numbers.className = 'result-numbers';
      numbers.textContent = numbersLine(result);
      link.append(' ', numbers);
    }
    const summary = document.createElement('span');
    summary.className = 'result-summary';
    summary.append(marked(result.doc.summary, terms));
    link.append(summary);
    item.append(link);
    list.append(item);
  });
}
