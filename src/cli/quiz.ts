import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { generateQuizzes, TOPICS } from '../lib/quiz/generate';
import { createRandom } from '../lib/random';
import { loadContent } from './load';

/** Ask questions from the generated quizzes on the terminal; answers are read one per line. */
export async function runQuiz(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { topic: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' } },
  });
  const topic = values.topic ?? 'mixed';
  if (topic !== 'mixed' && !(TOPICS as readonly string[]).includes(topic)) {
    err.write(`sockerr: unknown topic "${topic}"; choose mixed or one of: ${TOPICS.join(', ')}\n`);
    return 2;
  }
  const count = Number(values.count ?? 10);
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    err.write('sockerr: --count takes a whole number from 1 to 100\n');
    return 2;
  }
  const content = await loadContent();
  const data = generateQuizzes(content.errnos, content.scenarios);
  const pool = data.questions.filter((q) => topic === 'mixed' || q.topic === topic);
  const questions = createRandom(values.seed ?? String(Date.now())).sample(pool, count);
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  let right = 0;
  for (const [i, q] of questions.entries()) {
    out.write(`\n${i + 1}/${questions.length}. ${q.prompt}\n`);
    q.choices.forEach((c, j) => {
      out.write(`  ${j + 1}) ${c}\n`);
    });
    out.write('> ');
    const next = await lines.next();
    if (next.done) {
      out.write('\n');
      break;
    }
    const pick = Number(String(next.value).trim()) - 1;
    if (pick === q.answer) {
      right++;
      out.write('Right.\n');
    } else {
      out.write(`Not quite: ${q.choices[q.answer]}.\n`);
    }
    out.write(`${q.explanation}\n`);
  }
  rl.close();
  out.write(`\nScore: ${right}/${questions.length}\n`);
  return 0;
}
