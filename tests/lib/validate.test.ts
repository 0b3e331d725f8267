import { describe, expect, it } from 'vitest';
import { FrontmatterError, parseFrontmatter } from '../../src/lib/frontmatter';
import { errnoSchema, scenarioSchema } from '../../src/lib/schema';
import { formatProblem, type RawDocument, validateCorpus } from '../../src/lib/validate';
import { errnoDoc, goodErrno, goodScenario, scenarioDoc } from '../fixtures/corpus';

/** Validate documents and return the formatted problem lines. */
function problems(docs: RawDocument[]): string[] {
  return validateCorpus(docs).problems.map(formatProblem);
}

describe('errnoSchema', () => {
  it('accepts a complete entry and fills defaults', () => {
    const parsed = errnoSchema.parse(goodErrno());
    expect(parsed.aliases).toEqual([]);
    expect(parsed.related).toEqual([]);
  });

  it('rejects an entry missing a platform key', () => {
    const bad = goodErrno();
    delete (bad.numbers as Record<string, unknown>).macos;
    expect(errnoSchema.safeParse(bad).success).toBe(false);
  });
});

describe('scenarioSchema', () => {
  it('accepts a complete scenario', () => {
    expect(scenarioSchema.safeParse(goodScenario()).success).toBe(true);
  });

  it('rejects a step that sends a packet without saying who sends it', () => {
    const bad = goodScenario();
    const timeline = bad.timeline as Array<Record<string, unknown>>;
    delete timeline[0]?.from;
    expect(scenarioSchema.safeParse(bad).success).toBe(false);
  });
});

describe('validateCorpus', () => {
  const valid = () => [errnoDoc(goodErrno()), scenarioDoc(goodScenario())];

  it('reports nothing for a valid corpus', () => {
    expect(problems(valid())).toEqual([]);
  });

  it('names file and field for an unknown key', () => {
    const data = { ...goodErrno(), colour: 'red' };
    expect(problems([errnoDoc(data), scenarioDoc(goodScenario())])).toEqual([
      'src/content/errno/econnreset.mdx: (frontmatter): unknown key "colour"',
    ]);
  });

  it('names file and field for a wrong type', () => {
    const data = goodErrno();
    (data.numbers as Record<string, unknown>).linux = '104';
    expect(problems([errnoDoc(data), scenarioDoc(goodScenario())])).toEqual([
      'src/content/errno/econnreset.mdx: numbers.linux: Invalid input: expected number, received string',
    ]);
  });

  it('rejects an unknown platform key', () => {
    const data = goodErrno();
    (data.numbers as Record<string, unknown>).solaris = 131;
    expect(problems([errnoDoc(data), scenarioDoc(goodScenario())])).toEqual([
      'src/content/errno/econnreset.mdx: numbers: unknown key "solaris"',
    ]);
  });

  it('rejects a category outside the closed set', () => {
    const data = { ...goodErrno(), category: 'misc' };
    const lines = problems([errnoDoc(data), scenarioDoc(goodScenario())]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^src\/content\/errno\/econnreset\.mdx: category: /);
  });

  it('rejects a related errno that does not exist', () => {
    const data = { ...goodErrno(), related: [{ name: 'ECONNABORTED', why: 'often confused' }] };
    expect(problems([errnoDoc(data), scenarioDoc(goodScenario())])).toEqual([
      'src/content/errno/econnreset.mdx: related[0].name: no errno entry named ECONNABORTED',
    ]);
  });

  it('rejects a cause pointing at a missing scenario', () => {
    const data = { ...goodErrno(), causes: [{ text: 'The peer crashed.', scenario: 'peer-crash' }] };
    expect(problems([errnoDoc(data), scenarioDoc(goodScenario())])).toEqual([
      'src/content/errno/econnreset.mdx: causes[0].scenario: no scenario with slug "peer-crash"',
    ]);
  });

  it('rejects a cause whose scenario does not list the errno', () => {
    const data = { ...goodErrno(), causes: [{ text: 'x', scenario: 'server-process-killed' }] };
    const other = goodErrno('EPIPE', 32);
    expect(problems([errnoDoc(data), errnoDoc(other), scenarioDoc(goodScenario(['EPIPE']))])).toEqual([
      'src/content/errno/econnreset.mdx: causes[0].scenario: scenario "server-process-killed" does not list ECONNRESET in its errnos',
    ]);
  });

  it('rejects a scenario naming an errno that does not exist', () => {
    expect(problems([errnoDoc(goodErrno()), scenarioDoc(goodScenario(['ECONNRESET', 'EPIPE']))])).toEqual([
      'src/content/scenarios/server-process-killed.mdx: errnos[1]: no errno entry named EPIPE',
    ]);
  });

  it('rejects a step returning an errno the scenario does not list', () => {
    const scenario = goodScenario();
    scenario.errnos = [];
    expect(problems([errnoDoc(goodErrno()), scenarioDoc(scenario)])).toEqual([
      "src/content/scenarios/server-process-killed.mdx: timeline[1].calls[0].errno: ECONNRESET must also appear in this scenario's errnos",
    ]);
  });

  it('rejects two entries with the same name', () => {
    const lines = problems([errnoDoc(goodErrno()), errnoDoc(goodErrno('ECONNRESET', 999), 'econnreset-copy')]);
    expect(lines).toContain(
      'src/content/errno/econnreset-copy.mdx: name: ECONNRESET is already defined by src/content/errno/econnreset.mdx',
    );
  });

  it('rejects an alias that another entry already uses as its name', () => {
    const pipe = { ...goodErrno('EPIPE', 32), aliases: [{ name: 'ECONNRESET' }] };
    expect(problems([errnoDoc(goodErrno()), errnoDoc(pipe)])).toContain(
      'src/content/errno/epipe.mdx: aliases[0].name: ECONNRESET is already defined by src/content/errno/econnreset.mdx',
    );
  });

  it('rejects two entries with the same number on one platform', () => {
    const pipe = goodErrno('EPIPE', 32);
    (pipe.numbers as Record<string, unknown>).freebsd = 5104;
    expect(problems([errnoDoc(goodErrno()), errnoDoc(pipe)])).toEqual([
      'src/content/errno/epipe.mdx: numbers.freebsd: freebsd number 5104 is already ECONNRESET in src/content/errno/econnreset.mdx',
    ]);
  });

  it('rejects an entry whose file is not named after it', () => {
    expect(problems([errnoDoc(goodErrno(), 'reset')])).toEqual([
      'src/content/errno/reset.mdx: name: "ECONNRESET" must live in econnreset.mdx',
    ]);
  });

  it('rejects a hand-written question whose answer is not a choice', () => {
    const data = {
      ...goodErrno(),
      quiz: [{ question: 'Q?', choices: ['A', 'B'], answer: 'C', explanation: 'Because.' }],
    };
    expect(problems([errnoDoc(data)])).toEqual([
      'src/content/errno/econnreset.mdx: quiz[0].answer: must be one of the choices',
    ]);
  });

  it('requires the three body sections of a full entry', () => {
    const doc = errnoDoc({ ...goodErrno(), kind: 'full' });
    doc.body = '## On the wire\n\ntext\n\n## Platform differences\n\ntext\n';
    expect(problems([doc])).toEqual([
      'src/content/errno/econnreset.mdx: (body): a full entry needs a "## Handling it in code" section',
    ]);
  });

  it('reports every problem, not just the first', () => {
    const a = { ...goodErrno(), summary: '' };
    const b = { ...goodErrno('EPIPE', 32), category: 'nope', related: [] };
    expect(problems([errnoDoc(a), errnoDoc(b)])).toHaveLength(2);
  });

  it('passes on frontmatter read errors with the file name', () => {
    const doc = errnoDoc(new FrontmatterError('invalid YAML at line 3: bad indentation'), 'epipe');
    expect(problems([doc])).toEqual([
      'src/content/errno/epipe.mdx: (frontmatter): invalid YAML at line 3: bad indentation',
    ]);
  });
});

describe('body links', () => {
  it('accepts links to existing entries and section pages', () => {
    const doc = errnoDoc(goodErrno());
    doc.body = 'See [the scenario](/scenarios/server-process-killed/#timeline) and [all errnos](/errno/).';
    expect(problems([doc, scenarioDoc(goodScenario())])).toEqual([]);
  });

  it('rejects a link to an entry that does not exist', () => {
    const doc = errnoDoc(goodErrno());
    doc.body = 'Compare [EPIPE](/errno/epipe/).';
    expect(problems([doc, scenarioDoc(goodScenario())])).toEqual([
      'src/content/errno/econnreset.mdx: (body): link to /errno/epipe/: no such page (write /errno/<name>/, /scenarios/<slug>/ or /glossary/<slug>/)',
    ]);
  });

  it('rejects a raw href to a site page, which would miss the base path', () => {
    const doc = errnoDoc(goodErrno());
    doc.body = 'See <a href="/errno/">all</a>.';
    expect(problems([doc, scenarioDoc(goodScenario())])).toHaveLength(1);
  });
});

describe('glossary', () => {
  const term = {
    term: 'TIME_WAIT',
    termZh: '时间等待',
    kind: 'tcp-state',
    summary: 'The state an actively closing end waits in for 2MSL.',
    errnos: ['ECONNRESET'],
    scenarios: ['server-process-killed'],
    sources: [{ kind: 'rfc', ref: 'RFC 9293 §3.3.2' }],
  };
  const doc = (data: unknown): RawDocument => ({
    path: 'src/content/glossary/time-wait.mdx',
    collection: 'glossary',
    id: 'time-wait',
    data,
    body: '',
  });

  it('accepts a term whose references exist', () => {
    expect(problems([errnoDoc(goodErrno()), scenarioDoc(goodScenario()), doc(term)])).toEqual([]);
  });

  it('rejects a term naming a missing errno or scenario', () => {
    expect(problems([errnoDoc(goodErrno()), doc({ ...term, errnos: ['EFOO'], scenarios: ['nope'] })])).toEqual([
      'src/content/glossary/time-wait.mdx: errnos[0]: no errno entry named EFOO',
      'src/content/glossary/time-wait.mdx: scenarios[0]: no scenario with slug "nope"',
    ]);
  });
});

describe('parseFrontmatter', () => {
  it('splits frontmatter from body', () => {
    expect(parseFrontmatter('---\nname: EPIPE\n---\n# Body\n')).toEqual({ data: { name: 'EPIPE' }, body: '# Body\n' });
  });

  it('rejects a repeated key instead of keeping the last one', () => {
    expect(() => parseFrontmatter('---\nname: EPIPE\nname: EINTR\n---\n')).toThrow(/invalid YAML at line 3/);
  });

  it('rejects a file without frontmatter', () => {
    expect(() => parseFrontmatter('# Just a body\n')).toThrow(FrontmatterError);
  });

  it('rejects frontmatter that is not a mapping', () => {
    expect(() => parseFrontmatter('---\n- a\n- b\n---\n')).toThrow(/must be a YAML mapping/);
  });
});
