import { loadSearcher, renderResults } from './search-client';

/**
 * <sockerr-search-page>: renders the ranked results for ?q= inside the page, so a
 * /search/?q=… link pasted into chat opens straight onto the answers.
 */
class SockerrSearchPage extends HTMLElement {
  async connectedCallback() {
    const base = this.dataset.base ?? '/';
    const input = this.querySelector('input');
    const list = this.querySelector('ol');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!input || !list || !status) return;
    const query = new URLSearchParams(window.location.search).get('q')?.trim() ?? '';
    input.value = query;
    if (!query) {
      status.textContent = 'Type an error, a number or a log line above.';
      return;
    }
    document.title = `${query} · search · sockerr`;
    status.textContent = 'Searching…';
    try {
      const results = (await loadSearcher(base)).explain(query, 20, base);
      renderResults(list, results, query, 'search-page-option', 'list');
      status.textContent =
        results.length === 0 ? `Nothing matches “${query}”.` : `${results.length} results for “${query}”, best first.`;
    } catch {
      status.textContent = 'The search index could not be loaded. Check your connection and reload.';
    }
  }
}

customElements.define('sockerr-search-page', SockerrSearchPage);
