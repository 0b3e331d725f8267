import { createRandom, type Random } from '../random';
import {
  ACTION_LABELS,
  ACTIONS,
  CATEGORIES,
  CATEGORY_LABELS,
  type Category,
  TCP_STATES,
  type TcpState,
} from '../schema';
import { errnoPath, scenarioPath } from '../urls';
import type { ErrnoDoc, ScenarioDoc } from '../validate';
import { balancedPositions } from './positions';

/** Version of /data/quizzes.json's shape. */
export const QUIZ_DATA_VERSION = 1;

/** The kinds of generated question. */
export const QUESTION_KINDS = [
  'message-to-errno',
  'errno-to-meaning',
  'number-to-errno',
  'errno-to-number',
  'handling',
  'myth-or-fact',
  'scenario-call',
  'scenario-state',
  'scenario-sender',
  'hand-written',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Quiz topics: the errno categories plus scenarios. */
export type Topic = Category | 'scenarios';
export const TOPICS: readonly Topic[] = [...CATEGORIES, 'scenarios'];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** One multiple-choice question. */
export interface Question {
  /** Stable id, e.g. "message-to-errno:ECONNRESET". */
  id: string;
  kind: QuestionKind;
  topic: Topic;
  difficulty: Difficulty;
  prompt: string;
  choices: string[];
  /** Index of the right choice. */
  answer: number;
  explanation: string;
  /** Site-relative path of the page that teaches it. */
  path: string;
}

/** A ready-made quiz: a topic at one difficulty, or the mixed exam. */
export interface QuizSet {
  id: string;
  title: string;
  topic: Topic | 'mixed';
  difficulty: Difficulty | 'mixed';
  questions: string[];
}

/** The whole of /data/quizzes.json. */
export interface QuizData {
  version: number;
  seed: string;
  questions: Question[];
  quizzes: QuizSet[];
}

/** A question before its choices are placed. */
interface Draft extends Omit<Question, 'choices' | 'answer'> {
  right: string;
  wrong: string[];
}

const EXAM_SIZE = 30;
const MAX_WRONG = 3;

/** Generate every question and quiz set from the content, deterministically for a seed. */
export function generateQuizzes(
  errnos: readonly ErrnoDoc[],
  scenarios: readonly ScenarioDoc[],
  seed = 'sockerr',
): QuizData {
  const rng = createRandom(`${seed}:quiz`);
  const sorted = [...errnos].sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'));
  const drafts: Draft[] = [];
  const p = pools(sorted);
  for (const e of sorted) drafts.push(...errnoQuestions(e, p, rng));
  for (const s of [...scenarios].sort((a, b) => a.id.localeCompare(b.id, 'en'))) {
    drafts.push(...scenarioQuestions(s, sorted, rng));
  }
  const questions = place(drafts, rng);
  return { version: QUIZ_DATA_VERSION, seed, questions, quizzes: quizSets(questions, rng) };
}

/** Put the right answer at balanced positions and the distractors around it. */
function place(drafts: Draft[], rng: Random): Question[] {
  const positions = balancedPositions(
    drafts.map((d) => 1 + Math.min(d.wrong.length, MAX_WRONG)),
    rng,
  );
  return drafts.map((d, i) => {
    const wrong = d.wrong.slice(0, MAX_WRONG);
    const at = positions[i] ?? 0;
    const choices = [...wrong.slice(0, at), d.right, ...wrong.slice(at)];
    const { right: _r, wrong: _w, ...rest } = d;
    return { ...rest, choices, answer: at };
  });
}

/** Distinct values other than the right one, in order, at most n. */
function distinct(right: string, candidates: Iterable<string>, n = MAX_WRONG): string[] {
  const out: string[] = [];
  for (const c of candidates) {
    if (c !== right && !out.includes(c)) out.push(c);
    if (out.length >= n) break;
  }
  return out;
}

/** Lookups built once per generation, so picking distractors costs O(1) per question. */
interface Pools {
  byName: Map<string, ErrnoDoc>;
  fullByCategory: Map<string, ErrnoDoc[]>;
  full: ErrnoDoc[];
  all: readonly ErrnoDoc[];
}

function pools(all: readonly ErrnoDoc[]): Pools {
  const full = all.filter((x) => x.data.kind === 'full');
  const fullByCategory = new Map<string, ErrnoDoc[]>();
  for (const x of full) fullByCategory.set(x.data.category, [...(fullByCategory.get(x.data.category) ?? []), x]);
  return { byName: new Map(all.map((x) => [x.data.name, x])), fullByCategory, full, all };
}

/**
 * Entries to draw distractors from, best first: the errnos the entry itself says people
 * confuse it with (its related list), then a few from its category, then a few others.
 */
function confusable(e: ErrnoDoc, p: Pools, rng: Random): ErrnoDoc[] {
  const related = rng.shuffle(e.data.related.flatMap((r) => p.byName.get(r.name) ?? []));
  const sameCategory = rng.sample(p.fullByCategory.get(e.data.category) ?? [], 8);
  const fullOthers = rng.sample(p.full, 8);
  const rest = rng.sample(p.all, 8);
  return [...new Set([...related, ...sameCategory, ...fullOthers, ...rest])].filter((x) => x !== e);
}

function errnoQuestions(e: ErrnoDoc, p: Pools, rng: Random): Draft[] {
  const d = e.data;
  const full = d.kind === 'full';
  const path = errnoPath(d.name);
  const topic: Topic = d.category;
  const pool = confusable(e, p, rng);
  const out: Draft[] = [];
  const base = { topic, path };

  out.push({
    ...base,
    id: `message-to-errno:${d.name}`,
    kind: 'message-to-errno',
    difficulty: full ? 'easy' : 'medium',
    prompt: `Which errno does strerror() describe as “${d.messages.glibc}”?`,
    right: d.name,
    wrong: distinct(
      d.name,
      pool.map((x) => x.data.name),
    ),
    explanation: `${d.name}: ${d.summary}`,
  });
  out.push({
    ...base,
    id: `errno-to-meaning:${d.name}`,
    kind: 'errno-to-meaning',
    difficulty: full ? 'easy' : 'medium',
    prompt: `What does ${d.name} mean?`,
    right: d.summary,
    wrong: distinct(
      d.summary,
      pool.map((x) => x.data.summary),
    ),
    explanation: `${d.name} (“${d.messages.glibc}”): ${d.summary}`,
  });
  const linux = d.numbers.linux;
  if (linux !== null) {
    out.push({
      ...base,
      id: `number-to-errno:linux:${d.name}`,
      kind: 'number-to-errno',
      difficulty: full ? 'medium' : 'hard',
      prompt: `On Linux (x86, arm, arm64, riscv), which errno has the number ${linux}?`,
      right: d.name,
      wrong: distinct(
        d.name,
        pool.filter((x) => x.data.numbers.linux !== null).map((x) => x.data.name),
      ),
      explanation: `${d.name} is ${linux} on Linux, as Python's “[Errno ${linux}]” and Node's “errno: -${linux}” show.`,
    });
    if (full) {
      out.push({
        ...base,
        id: `errno-to-number:linux:${d.name}`,
        kind: 'errno-to-number',
        difficulty: 'medium',
        prompt: `What is ${d.name}'s number on Linux (x86, arm, arm64, riscv)?`,
        right: String(linux),
        wrong: distinct(
          String(linux),
          pool.flatMap((x) => (x.data.numbers.linux === null ? [] : [String(x.data.numbers.linux)])),
        ),
        explanation: `${d.name} is ${linux} on Linux; the number differs on other systems, so code compares with the symbolic constant.`,
      });
    }
  }
  const mac = d.numbers.macos;
  if (full && mac !== null && mac !== linux) {
    out.push({
      ...base,
      id: `number-to-errno:macos:${d.name}`,
      kind: 'number-to-errno',
      difficulty: 'hard',
      prompt: `A Python program on macOS prints “[Errno ${mac}]”. Which errno is it?`,
      right: d.name,
      wrong: distinct(
        d.name,
        pool.filter((x) => x.data.numbers.macos !== null).map((x) => x.data.name),
      ),
      explanation: `${d.name} is ${mac} on macOS (and ${d.numbers.freebsd ?? 'absent'} on FreeBSD) but ${linux ?? 'absent'} on Linux.`,
    });
  }
  const ws = d.numbers.winsock;
  if (full && ws) {
    const label = (w: { code: number; name: string }) => `${w.code} (${w.name})`;
    out.push({
      ...base,
      id: `errno-to-number:winsock:${d.name}`,
      kind: 'errno-to-number',
      difficulty: 'hard',
      prompt: `Which Winsock error does Windows report where Unix reports ${d.name}?`,
      right: label(ws),
      wrong: distinct(
        label(ws),
        pool.flatMap((x) => (x.data.numbers.winsock ? [label(x.data.numbers.winsock)] : [])),
      ),
      explanation: `Windows reports ${ws.name}, code ${ws.code}${d.messages.winsock ? `: “${d.messages.winsock}”` : ''}.`,
    });
  }
  const primary = d.handling[0];
  if (full && primary) {
    const used = new Set(d.handling.map((h) => h.action));
    const wrong = rng.shuffle(ACTIONS.filter((a) => !used.has(a))).map((a) => ACTION_LABELS[a]);
    if (wrong.length > 0) {
      out.push({
        ...base,
        id: `handling:${d.name}`,
        kind: 'handling',
        difficulty: 'easy',
        prompt: `What is the usual way to handle ${d.name}${primary.when ? ` when ${primary.when}` : ''}?`,
        right: ACTION_LABELS[primary.action],
        wrong,
        explanation: primary.why,
      });
    }
  }
  if (d.myths.length > 0)
    out.push(
      ...mythQuestions(
        d.name,
        d.myths,
        d.causes.map((c) => c.text),
        base,
      ),
    );
  out.push(...handWritten(d.name, d.quiz, base));
  return out;
}

/** The author's own questions from an entry's frontmatter. */
function handWritten(subject: string, quiz: ErrnoDoc['data']['quiz'], base: { topic: Topic; path: string }): Draft[] {
  return quiz.map((q, i) => ({
    ...base,
    id: `hand-written:${subject}:${i}`,
    kind: 'hand-written' as const,
    difficulty: 'medium' as const,
    prompt: q.question,
    right: q.answer,
    wrong: q.choices.filter((c) => c !== q.answer),
    explanation: q.explanation,
  }));
}

/**
 * Myth-or-fact questions: each myth's claim (a myth) and, to keep the answers balanced,
 * as many statements the page documents as true (facts), phrased to stand on their own.
 */
function mythQuestions(
  subject: string,
  myths: ErrnoDoc['data']['myths'],
  facts: readonly string[],
  base: { topic: Topic; path: string },
): Draft[] {
  const about = `Myth or fact about ${subject}?`;
  return [
    ...myths.map((m, i) => ({
      ...base,
      id: `myth-or-fact:${subject}:myth:${i}`,
      kind: 'myth-or-fact' as const,
      difficulty: 'medium' as const,
      prompt: `${about} “${m.claim}”`,
      right: 'Myth',
      wrong: ['Fact'],
      explanation: m.truth,
    })),
    ...facts.slice(0, Math.max(1, myths.length)).map((fact, i) => ({
      ...base,
      id: `myth-or-fact:${subject}:fact:${i}`,
      kind: 'myth-or-fact' as const,
      difficulty: 'medium' as const,
      prompt: `${about} “${fact}”`,
      right: 'Fact',
      wrong: ['Myth'],
      explanation: `Fact: the page documents this, with its sources.`,
    })),
  ];
}

/** TCP states that make plausible wrong answers for a state: those the scenario visits, then the rest. */
function stateDistractors(right: TcpState, scenario: ScenarioDoc, rng: Random): string[] {
  const visited = new Set<TcpState>();
  for (const step of scenario.data.timeline) {
    visited.add(step.states.left);
    visited.add(step.states.right);
  }
  return distinct(right, [...rng.shuffle([...visited]), ...rng.shuffle(TCP_STATES)]);
}

function scenarioQuestions(s: ScenarioDoc, errnos: readonly ErrnoDoc[], rng: Random): Draft[] {
  const d = s.data;
  const base = { topic: 'scenarios' as const, path: scenarioPath(s.id) };
  const byName = new Map(errnos.map((e) => [e.data.name, e]));
  const out: Draft[] = [];
  d.timeline.forEach((step, i) => {
    const where = `In “${d.title}”, step ${i + 1} (${step.label.replace(/[.]$/, '')})`;
    step.calls.forEach((call, c) => {
      const right = call.errno ? `${call.returns} ${call.errno}` : call.returns;
      const inStep = new Set(step.calls.flatMap((x) => (x.errno ? [x.errno] : [])));
      const candidates = [
        ...(call.errno ? rng.shuffle((byName.get(call.errno)?.data.related ?? []).map((r) => r.name)) : []),
        ...rng.shuffle(d.errnos),
        ...rng.shuffle(['EPIPE', 'ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EAGAIN'].filter((n) => byName.has(n))),
      ].filter((n) => !inStep.has(n));
      const wrong = distinct(right, [...candidates.map((n) => `-1 ${n}`), ...(call.returns === '0' ? [] : ['0'])]);
      if (wrong.length === 0) return;
      out.push({
        ...base,
        id: `scenario-call:${s.id}:${i}:${c}`,
        kind: 'scenario-call',
        difficulty: 'medium',
        prompt: `${where}: what does the ${d.actors[call.actor]}'s ${call.call} return?`,
        right,
        wrong,
        explanation: `${call.call} returns ${right}${call.note ? `. ${call.note}` : '.'}`,
      });
    });
    for (const actor of ['left', 'right'] as const) {
      const before = i === 0 ? d.initial[actor] : d.timeline[i - 1]?.states[actor];
      const state = step.states[actor];
      if (state === before) continue;
      out.push({
        ...base,
        id: `scenario-state:${s.id}:${i}:${actor}`,
        kind: 'scenario-state',
        difficulty: 'hard',
        prompt: `${where}: which TCP state is the ${d.actors[actor]} in afterwards?`,
        right: state,
        wrong: stateDistractors(state, s, rng),
        explanation: `After this step the ${d.actors[actor]} is in ${state} (it was ${before}).`,
      });
    }
    const flag = step.packet?.flags.find((f) => f === 'RST' || f === 'FIN' || f === 'SYN');
    if (step.from && flag && !step.packet?.lost) {
      const sender = d.actors[step.from];
      const other = d.actors[step.from === 'left' ? 'right' : 'left'];
      out.push({
        ...base,
        id: `scenario-sender:${s.id}:${i}`,
        kind: 'scenario-sender',
        difficulty: 'easy',
        prompt: `${where}: who sends the ${flag}?`,
        right: sender,
        wrong: [other],
        explanation: `The ${sender} sends ${step.packet?.flags.join('+')}: ${step.label}`,
      });
    }
  });
  if (d.myths.length > 0) out.push(...mythQuestions(d.title, d.myths, [d.summary], base));
  out.push(...handWritten(s.id, d.quiz, base));
  return out;
}

const TOPIC_TITLES: Record<Topic, string> = { ...CATEGORY_LABELS, scenarios: 'TCP scenarios' };

/** Group questions into topic × difficulty quizzes and one mixed exam. */
function quizSets(questions: readonly Question[], rng: Random): QuizSet[] {
  const sets: QuizSet[] = [];
  for (const topic of TOPICS) {
    for (const difficulty of DIFFICULTIES) {
      const ids = questions.filter((q) => q.topic === topic && q.difficulty === difficulty).map((q) => q.id);
      if (ids.length === 0) continue;
      sets.push({
        id: `${topic}-${difficulty}`,
        title: `${TOPIC_TITLES[topic]} (${difficulty})`,
        topic,
        difficulty,
        questions: rng.shuffle(ids),
      });
    }
  }
  // The exam draws from every topic in turn so no single topic dominates it.
  const byTopic = TOPICS.map((t) => rng.shuffle(questions.filter((q) => q.topic === t).map((q) => q.id)));
  const exam: string[] = [];
  for (let round = 0; exam.length < EXAM_SIZE && byTopic.some((l) => l.length > round); round++) {
    for (const list of byTopic) {
      const id = list[round];
      if (id && exam.length < EXAM_SIZE) exam.push(id);
    }
  }
  sets.push({ id: 'exam', title: 'Mixed exam', topic: 'mixed', difficulty: 'mixed', questions: rng.shuffle(exam) });
  return sets;
}
