import { Rating } from 'ts-fsrs';
import type { Flashcard, FlashcardData } from '../../lib/flashcards/cards';
import {
  exportProgress,
  importProgress,
  mergeProgress,
  PROGRESS_KEY,
  type Progress,
  readProgress,
  review,
  studyQueue,
} from '../../lib/flashcards/progress';
import { load, save } from './progress-storage';

const GRADES = [
  { key: '1', label: 'Again', grade: Rating.Again },
  { key: '2', label: 'Hard', grade: Rating.Hard },
  { key: '3', label: 'Good', grade: Rating.Good },
  { key: '4', label: 'Easy', grade: Rating.Easy },
] as const;

/**
 * <sockerr-flashcards>: studies flashcards.json with FSRS (ts-fsrs). Space or Enter shows
 * the answer; 1–4 grade it (Again, Hard, Good, Easy). Progress stays in this browser
 * (see src/lib/flashcards/progress.ts for the stored shape), with export and import.
 */
class SockerrFlashcards extends HTMLElement {
  #cards: Flashcard[] = [];
  #progress!: Progress;
  #current: Flashcard | null = null;
  #revealed = false;
  #el!: Record<'stage' | 'counts' | 'message' | 'topic', HTMLElement>;

  async connectedCallback() {
    const q = <T extends HTMLElement>(sel: string) => this.querySelector<T>(sel);
    const stage = q('[data-stage]');
    const counts = q('[data-counts]');
    const message = q('[data-message]');
    const topic = q<HTMLSelectElement>('select[name="topic"]');
    if (!stage || !counts || !message || !topic) return;
    this.#el = { stage, counts, message, topic };
    this.querySelector('[data-app]')?.removeAttribute('hidden');
    const loaded = load();
    this.#progress = loaded.progress;
    if (loaded.message) this.#say(loaded.message);
    try {
      const response = await fetch(`${this.dataset.base ?? '/'}data/flashcards.json`);
      if (!response.ok) throw new Error(String(response.status));
      const data = (await response.json()) as FlashcardData;
      this.#cards = data.cards;
      for (const t of data.topics) topic.append(new Option(t.title, t.id));
    } catch {
      this.#say('The cards could not be loaded. Check your connection and reload.');
      return;
    }
    topic.addEventListener('change', () => this.#next());
    window.addEventListener('storage', (event) => {
      // Another tab studied: take its reviews in without losing ours.
      // Unreadable data is set aside by whichever tab loads it, not by every listener.
      if (event.key !== PROGRESS_KEY) return;
      const theirs = readProgress(event.newValue);
      if (theirs.problem) return;
      this.#progress = mergeProgress(this.#progress, theirs.progress);
      this.#showCounts();
    });
    document.addEventListener('keydown', (event) => this.#onKey(event));
    q('[data-export]')?.addEventListener('click', () => this.#export());
    q<HTMLInputElement>('input[type="file"]')?.addEventListener('change', (event) => void this.#import(event));
    this.#next();
  }

  #pool(): Flashcard[] {
    const topic = this.#el.topic instanceof HTMLSelectElement ? this.#el.topic.value : '';
    return topic ? this.#cards.filter((c) => c.topic === topic) : this.#cards;
  }

  #showCounts() {
    const { due, fresh } = studyQueue(
      this.#pool().map((c) => c.id),
      this.#progress,
      new Date(),
    );
    this.#el.counts.textContent = `${due.length} due · ${fresh.length} new`;
    return { due, fresh };
  }

  #next() {
    const { due, fresh } = this.#showCounts();
    const id = due[0] ?? fresh[0];
    this.#current = this.#cards.find((c) => c.id === id) ?? null;
    this.#revealed = false;
    if (!this.#current) {
      this.#el.stage.replaceChildren(
        el('p', { class: 'fc-done' }, 'Nothing is due. Come back later, or pick another topic.'),
      );
      return;
    }
    const show = el('button', { type: 'button', class: 'fc-show' }, 'Show answer (Space)');
    show.addEventListener('click', () => this.#reveal());
    this.#el.stage.replaceChildren(
      el('div', { class: 'fc-card' }, el('p', { class: 'fc-front' }, this.#current.front)),
      show,
    );
    show.focus();
  }

  #reveal() {
    const card = this.#current;
    if (!card) return;
    this.#revealed = true;
    const base = this.dataset.base ?? '/';
    const buttons = GRADES.map((g) => {
      const b = el('button', { type: 'button', 'data-grade': g.key }, `${g.key} ${g.label}`);
      b.addEventListener('click', () => this.#grade(g.grade));
      return b;
    });
    this.#el.stage.replaceChildren(
      el(
        'div',
        { class: 'fc-card' },
        el('p', { class: 'fc-front' }, card.front),
        ...card.back.map((line) => el('p', { class: 'fc-back' }, line)),
        el('a', { href: `${base}${card.path}` }, 'Read the page'),
      ),
      el('div', { class: 'fc-grades', role: 'group', 'aria-label': 'How well did you remember it?' }, ...buttons),
    );
    buttons[2]?.focus();
  }

  #grade(grade: (typeof GRADES)[number]['grade']) {
    const card = this.#current;
    if (!card || !this.#revealed) return;
    this.#progress = review(this.#progress, card.id, grade, new Date());
    try {
      this.#progress = save(this.#progress);
    } catch (error) {
      this.#say((error as Error).message);
    }
    this.#next();
  }

  #onKey(event: KeyboardEvent) {
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, select, textarea')) return;
    if (!this.#revealed && (event.key === ' ' || event.key === 'Enter') && this.#current) {
      event.preventDefault();
      this.#reveal();
    } else if (this.#revealed) {
      const g = GRADES.find((x) => x.key === event.key);
      if (g) {
        event.preventDefault();
        this.#grade(g.grade);
      }
    }
  }

  #export() {
    const blob = new Blob([exportProgress(this.#progress, new Date())], { type: 'application/json' });
    const a = el('a', {
      href: URL.createObjectURL(blob),
      download: `sockerr-flashcards-${new Date().toISOString().slice(0, 10)}.json`,
    });
    a.click();
    URL.revokeObjectURL((a as HTMLAnchorElement).href);
  }

  async #import(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const imported = importProgress(await file.text());
      this.#progress = save(mergeProgress(this.#progress, imported));
      this.#say(`Imported progress for ${Object.keys(imported.cards).length} cards.`);
      this.#next();
    } catch (error) {
      this.#say(`Import failed: ${(error as Error).message}`);
    } finally {
      input.value = '';
    }
  }

  #say(text: string) {
    this.#el.message.textContent = text;
    this.#el.message.hidden = false;
  }
}

function el(tag: string, attrs: Record<string, string>, ...children: Array<Node | string>): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

customElements.define('sockerr-flashcards', SockerrFlashcards);
