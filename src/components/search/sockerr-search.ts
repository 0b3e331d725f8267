import { loadSearcher, renderResults } from './search-client';

/**
 * <sockerr-search>: the header search box. Without JavaScript it is a form that opens
 * /search/?q=…; with it, results appear as you type, the index loading on first focus.
 * Keys: "/" or Ctrl/Cmd-K focus it; arrows move; Enter opens; Escape closes.
 */
class SockerrSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #list!: HTMLUListElement;
  #status!: HTMLElement;
  #active = -1;
  #seq = 0;

  connectedCallback() {
    const input = this.querySelector('input');
    const list = this.querySelector('ul');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!input || !list || !status) return;
    this.#input = input;
    this.#list = list;
    this.#status = status;
    const base = this.dataset.base ?? '/';
    input.addEventListener('focus', () => void loadSearcher(base).catch(() => {}), { once: true });
    input.addEventListener('input', () => void this.#update(base));
    input.addEventListener('keydown', (event) => this.#onKey(event));
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if ((event.key === '/' && !typing) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey))) {
        event.preventDefault();
        this.#input.focus();
        this.#input.select();
      }
    });
    list.addEventListener('click', (event) => {
      const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
      if (option?.dataset.href) window.location.assign(option.dataset.href);
    });
    document.addEventListener('click', (event) => {
      if (!this.contains(event.target as Node)) this.#close();
    });
  }

  async #update(base: string) {
    const query = this.#input.value.trim();
    const seq = ++this.#seq;
    if (!query) return this.#close();
    try {
      const searcher = await loadSearcher(base);
      if (seq !== this.#seq) return; // a newer keystroke won
      const results = searcher.explain(query, 8, base);
      renderResults(this.#list, results, query, 'site-search-option', 'listbox');
      this.#active = -1;
      this.#list.hidden = results.length === 0;
      this.#input.setAttribute('aria-expanded', String(results.length > 0));
      this.#status.textContent = results.length === 0 ? 'No results' : `${results.length} results`;
    } catch {
      this.#status.textContent = 'Search is unavailable right now; press Enter to open the search page.';
    }
  }

  #onKey(event: KeyboardEvent) {
    const options = [...this.#list.querySelectorAll<HTMLElement>('[role="option"]')];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.#select(options, (this.#active + step + options.length) % options.length);
    } else if (event.key === 'Enter' && this.#active >= 0) {
      const href = options[this.#active]?.dataset.href;
      if (href) {
        event.preventDefault();
        window.location.assign(href);
      }
    } else if (event.key === 'Escape') {
      this.#close();
      this.#input.blur();
    }
  }

  #select(options: HTMLElement[], index: number) {
    options.forEach((o, i) => {
      o.setAttribute('aria-selected', String(i === index));
    });
    this.#active = index;
    const option = options[index];
    if (option) {
      this.#input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    }
  }

  #close() {
    this.#list.hidden = true;
    this.#active = -1;
    this.#input.setAttribute('aria-expanded', 'false');
    this.#input.removeAttribute('aria-activedescendant');
  }
}

customElements.define('sockerr-search', SockerrSearch);
