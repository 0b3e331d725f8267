import type { Question, QuizData } from '../../lib/quiz/generate';
import {
  answer,
  currentQuestion,
  misses,
  type QuizSession,
  retryMisses,
  score,
  startSession,
} from '../../lib/quiz/session';

/**
 * <sockerr-quiz>: runs the quiz named by ?set= (from /data/quizzes.json), one question at a
 * time. Keys: 1–4 answer, Enter goes on. Without JavaScript the page lists the sets and the
 * exam's questions with their answers instead.
 */
class SockerrQuiz extends HTMLElement {
  #session: QuizSession | null = null;
  #data: QuizData | null = null;
  #stage!: HTMLElement;
  #answered = false;

  async connectedCallback() {
    const stage = this.querySelector<HTMLElement>('[data-stage]');
    const params = new URLSearchParams(window.location.search);
    // ?errno=NAME quizzes on one entry ("quiz me on this" on every errno page).
    const errno = params.get('errno')?.toUpperCase() ?? null;
    const setId = params.get('set') ?? (errno ? 'errno' : null);
    if (!stage || !setId) return;
    this.#stage = stage;
    this.#stage.hidden = false;
    this.#stage.textContent = 'Loading questions…';
    document.addEventListener('keydown', (event) => this.#onKey(event));
    try {
      const response = await fetch(`${this.dataset.base ?? '/'}data/quizzes.json`);
      if (!response.ok) throw new Error(String(response.status));
      this.#data = (await response.json()) as QuizData;
    } catch {
      this.#stage.textContent = 'The questions could not be loaded. Check your connection and reload.';
      return;
    }
    const path = errno ? `errno/${errno.toLowerCase()}/` : null;
    const set = path
      ? { title: `Quiz: ${errno}`, questions: this.#data.questions.filter((q) => q.path === path).map((q) => q.id) }
      : this.#data.quizzes.find((s) => s.id === setId);
    if (!set || set.questions.length === 0) {
      this.#stage.textContent = `There is no quiz called “${errno ?? setId}”. Pick one from the list.`;
      return;
    }
    const byId = new Map(this.#data.questions.map((q) => [q.id, q]));
    this.#session = startSession(set.questions.flatMap((id) => byId.get(id) ?? []));
    document.querySelector('[data-quiz-list]')?.setAttribute('hidden', '');
    this.#render(set.title);
  }

  #onKey(event: KeyboardEvent) {
    if (!this.#session || event.target instanceof HTMLInputElement) return;
    const n = Number(event.key);
    if (!this.#answered && n >= 1 && n <= 4) {
      this.#stage.querySelector<HTMLButtonElement>(`button[data-choice="${n - 1}"]`)?.click();
    } else if (this.#answered && event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
      this.#stage.querySelector<HTMLButtonElement>('button[data-next]')?.click();
    }
  }

  #render(title: string) {
    const session = this.#session;
    if (!session) return;
    const q = currentQuestion(session);
    this.#answered = false;
    if (!q) return this.#renderEnd(title);
    const done = session.answers.length;
    const base = this.dataset.base ?? '/';
    this.#stage.replaceChildren(
      el('h2', {}, title),
      progress(done, session.questions.length),
      el('p', { class: 'quiz-prompt', id: 'quiz-prompt' }, q.prompt),
      el(
        'div',
        { class: 'quiz-choices', role: 'group', 'aria-labelledby': 'quiz-prompt' },
        ...q.choices.map((choice, i) => {
          const button = el('button', { type: 'button', 'data-choice': String(i) }, `${i + 1}. ${choice}`);
          button.addEventListener('click', () => this.#choose(q, i, base));
          return button;
        }),
      ),
      el('div', { class: 'quiz-feedback', role: 'status', 'aria-live': 'polite' }),
    );
    this.#stage.querySelector<HTMLButtonElement>('button[data-choice="0"]')?.focus();
  }

  #choose(q: Question, choice: number, base: string) {
    if (!this.#session || this.#answered) return;
    this.#session = answer(this.#session, choice);
    this.#answered = true;
    const right = choice === q.answer;
    for (const button of this.#stage.querySelectorAll<HTMLButtonElement>('button[data-choice]')) {
      const i = Number(button.dataset.choice);
      button.disabled = true;
      if (i === q.answer) button.classList.add('right');
      else if (i === choice) button.classList.add('wrong');
    }
    const next = el(
      'button',
      { type: 'button', 'data-next': '' },
      currentQuestion(this.#session) ? 'Next question' : 'See my score',
    );
    next.addEventListener('click', () => this.#render(this.#stage.querySelector('h2')?.textContent ?? ''));
    this.#stage
      .querySelector('.quiz-feedback')
      ?.replaceChildren(
        el(
          'p',
          { class: right ? 'right' : 'wrong' },
          right ? 'Right.' : `Not quite: the answer is “${q.choices[q.answer]}”.`,
        ),
        el('p', {}, q.explanation),
        link(`${base}${q.path}`, 'Read the page that explains it'),
        next,
      );
    next.focus();
  }

  #renderEnd(title: string) {
    const session = this.#session;
    if (!session) return;
    const { right, total } = score(session);
    const missed = misses(session);
    const base = this.dataset.base ?? '/';
    const children: Node[] = [
      el('h2', {}, title),
      el('p', { class: 'quiz-score', role: 'status' }, `Score: ${right} of ${total}`),
    ];
    if (missed.length > 0) {
      children.push(
        el('h3', {}, 'Review your misses'),
        el(
          'ol',
          { class: 'quiz-review' },
          ...missed.map((q) =>
            el(
              'li',
              {},
              el('p', {}, q.prompt),
              el('p', {}, `Answer: ${q.choices[q.answer]}. ${q.explanation}`),
              link(`${base}${q.path}`, 'Read more'),
            ),
          ),
        ),
      );
      const retry = el('button', { type: 'button' }, `Retry my ${missed.length} misses`);
      retry.addEventListener('click', () => {
        this.#session = retryMisses(session);
        this.#render(`${title}: misses`);
      });
      children.push(retry);
    }
    children.push(link(`${base}quiz/`, 'Choose another quiz'));
    this.#stage.replaceChildren(...children);
    this.#stage.querySelector<HTMLElement>('button, a')?.focus();
  }
}

function el(tag: string, attrs: Record<string, string>, ...children: Array<Node | string>): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function link(href: string, text: string): HTMLElement {
  return el('a', { href }, text);
}

function progress(done: number, total: number): HTMLElement {
  const bar = el('progress', { max: String(total), value: String(done), 'aria-label': 'Progress' });
  return el('p', { class: 'quiz-progress' }, bar, ` Question ${done + 1} of ${total}`);
}

customElements.define('sockerr-quiz', SockerrQuiz);
