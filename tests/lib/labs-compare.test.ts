import { describe, expect, it } from 'vitest';
import {
  compareCalls,
  compareWithErrnos,
  compareWithScenario,
  type ExpectedCall,
  expectedCalls,
  outcomeProblem,
  stateProblems,
} from '../../src/lib/labs/compare';
import { callName } from '../../src/lib/labs/events';
import type { CallEntry, SsEntry } from '../../src/lib/labs/transcript';
import { errnoSchema, type Scenario, scenarioSchema } from '../../src/lib/schema';
import { goodErrno, goodScenario } from '../fixtures/corpus';

function call(actor: 'left' | 'right', text: string, ret: number, extra: Partial<CallEntry> = {}): CallEntry {
  return {
    kind: 'call',
    t: 0,
    actor,
    text,
    fn: callName(text),
    ret,
    errno: null,
    message: null,
    value: null,
    aside: false,
    ...extra,
  };
}

function expected(e: Partial<ExpectedCall> & { call: string }): ExpectedCall {
  return { actor: 'left', step: 1, fn: callName(e.call), returns: '0', errno: undefined, ...e };
}

/** A killed-server scenario: write 5, read 0, write -1 EPIPE by the client; accept by the server. */
function killed(): Scenario {
  const base = goodScenario(['EPIPE']);
  return scenarioSchema.parse({
    ...base,
    timeline: [
      {
        label: 'client writes',
        states: { left: 'CLOSE_WAIT', right: 'FIN_WAIT_2' },
        calls: [
          { actor: 'right', call: 'accept(lfd, &peer, &len)', returns: 'new fd' },
          { actor: 'left', call: 'write(fd, "hello", 5)', returns: '5' },
        ],
      },
      {
        label: 'client reads, writes again',
        states: { left: 'CLOSED', right: 'CLOSED' },
        calls: [
          { actor: 'left', call: 'read(fd, buf, 100)', returns: '0' },
          { actor: 'left', call: 'write(fd, "again", 5)', returns: '-1', errno: 'EPIPE' },
        ],
      },
    ],
  });
}

describe('expectedCalls', () => {
  it('lists every call with its step, actor and function name, in timeline order', () => {
    expect(expectedCalls(killed()).map((c) => [c.step, c.actor, c.fn, c.returns, c.errno])).toEqual([
      [1, 'right', 'accept', 'new fd', undefined],
      [1, 'left', 'write', '5', undefined],
      [2, 'left', 'read', '0', undefined],
      [2, 'left', 'write', '-1', 'EPIPE'],
    ]);
  });
});

describe('outcomeProblem', () => {
  it('accepts the same errno and return value', () => {
    expect(
      outcomeProblem(
        expected({ call: 'write()', returns: '-1', errno: 'EPIPE' }),
        call('left', 'write()', -1, { errno: 'EPIPE' }),
      ),
    ).toBeNull();
  });

  it('names both errnos when they differ', () => {
    const problem = outcomeProblem(
      expected({ call: 'read()', returns: '-1', errno: 'ECONNRESET' }),
      call('left', 'read()', -1, { errno: 'EPIPE' }),
    );
    expect(problem).toBe('expected ECONNRESET, the kernel gave EPIPE');
  });

  it('reports a success where the scenario expects an errno', () => {
    expect(
      outcomeProblem(expected({ call: 'read()', returns: '-1', errno: 'ECONNRESET' }), call('left', 'read()', 0)),
    ).toMatch(/no error \(0\)/);
  });

  it('compares numeric return values exactly', () => {
    expect(outcomeProblem(expected({ call: 'read()', returns: '0' }), call('left', 'read()', 22))).toBe(
      'expected 0, got 22',
    );
    expect(outcomeProblem(expected({ call: 'read()', returns: '22' }), call('left', 'read()', 22))).toBeNull();
  });

  it('compares the number a returns text starts with', () => {
    const e = expected({ call: 'poll()', returns: '1, revents = POLLOUT' });
    expect(outcomeProblem(e, call('left', 'poll()', 1))).toBeNull();
    expect(outcomeProblem(e, call('left', 'poll()', 0))).toBe('expected 1, got 0');
  });

  it('takes a word such as "new fd" to mean any success', () => {
    expect(outcomeProblem(expected({ call: 'accept()', returns: 'new fd' }), call('right', 'accept()', 4))).toBeNull();
    expect(
      outcomeProblem(
        expected({ call: 'accept()', returns: 'new fd' }),
        call('right', 'accept()', -1, { errno: 'ECONNABORTED' }),
      ),
    ).toMatch(/without an error/);
  });

  it('counts an error returned as a value (SO_ERROR) as the call errno', () => {
    const e = expected({ call: 'getsockopt(fd, SOL_SOCKET, SO_ERROR)', returns: '0', errno: 'ECONNREFUSED' });
    expect(
      outcomeProblem(e, call('left', 'getsockopt(fd, SOL_SOCKET, SO_ERROR)', 0, { value: 'ECONNREFUSED' })),
    ).toBeNull();
    expect(
      outcomeProblem(
        expected({ call: 'getsockopt()', returns: '0' }),
        call('left', 'getsockopt()', 0, { value: 'ECONNREFUSED' }),
      ),
    ).toMatch(/err = ECONNREFUSED/);
  });
});

describe('compareCalls', () => {
  const timeline = expectedCalls(killed());

  it('matches each actor calls in order, skipping observed calls of other functions', () => {
    const rows = compareCalls(timeline, [
      call('left', 'socket()', 3),
      call('left', 'connect()', 0),
      call('right', 'accept()', 4),
      call('left', 'write(fd, "hello", 5)', 5),
      call('left', 'read(fd, buf, 100)', 0),
      call('left', 'write(fd, "again", 5)', -1, { errno: 'EPIPE' }),
    ]);
    expect(rows.map((r) => [r.actor, r.step, r.ok])).toEqual([
      ['left', 1, true],
      ['left', 2, true],
      ['left', 2, true],
      ['right', 1, true],
    ]);
  });

  it('pairs the next call of the same function, so a different order shows as a difference', () => {
    const rows = compareCalls(timeline, [
      call('left', 'write()', 5),
      call('left', 'read()', -1, { errno: 'ECONNRESET' }),
      call('left', 'read()', 0),
      call('left', 'write()', -1, { errno: 'EPIPE' }),
      call('right', 'accept()', 4),
    ]);
    const read = rows.find((r) => r.step === 2 && r.expected?.startsWith('read'));
    expect(read?.ok).toBe(false);
    expect(read?.problem).toMatch(/ECONNRESET/);
  });

  it('reports an expected call that never happened', () => {
    const rows = compareCalls(timeline, [call('left', 'write()', 5), call('right', 'accept()', 4)]);
    expect(rows.filter((r) => r.observed === null).map((r) => r.expected)).toEqual([
      'read(fd, buf, 100) = 0',
      'write(fd, "again", 5) = -1 EPIPE',
    ]);
  });

  it('matches a call the timeline shows as blocking where it returns', () => {
    const blocking = [
      expected({ call: 'read(fd, buf, 100)', returns: '(blocks)', step: 1 }),
      expected({ call: 'read(fd, buf, 100)', returns: '-1', errno: 'ETIMEDOUT', step: 5 }),
    ];
    const rows = compareCalls(blocking, [call('left', 'read(fd, buf, 100)', -1, { errno: 'ETIMEDOUT' })]);
    expect(rows.map((r) => [r.step, r.ok])).toEqual([[5, true]]);
  });

  it('reports an errno the timeline does not show, unless the call is aside', () => {
    const observed = [
      call('right', 'getpeername()', -1, { errno: 'ENOTCONN' }),
      call('right', 'accept()', 4),
      call('right', 'send()', -1, { errno: 'EPIPE', aside: true }),
    ];
    const rows = compareCalls(
      timeline.filter((e) => e.actor === 'right'),
      observed,
    );
    expect(rows.filter((r) => !r.ok).map((r) => r.observed)).toEqual(['getpeername() = -1 ENOTCONN']);
  });
});

describe('stateProblems', () => {
  const ss = (lines: string[]): SsEntry => ({ kind: 'ss', t: 50, command: 'ss', proto: 'tcp', server: 8080, lines });

  it('accepts states the timeline gives each side and ignores listeners', () => {
    const lines = [
      'LISTEN     0 8 127.0.0.1:8080  0.0.0.0:*',
      'CLOSE-WAIT 1 0 127.0.0.1:51326 127.0.0.1:8080 users:(("c",pid=1,fd=3))',
      'FIN-WAIT-2 0 0 127.0.0.1:8080  127.0.0.1:51326 timer:(timewait,59sec,0)',
    ];
    expect(stateProblems(killed(), [ss(lines)])).toEqual([]);
  });

  it('reports a state the timeline never gives that side', () => {
    const problems = stateProblems(killed(), [ss(['TIME-WAIT 0 0 127.0.0.1:8080 127.0.0.1:51326'])]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/right side's socket 127\.0\.0\.1:8080 is in TIME-WAIT/);
  });
});

describe('compareWithScenario', () => {
  it('is ok only when every row matches and no state differs', () => {
    const ok = compareWithScenario(
      killed(),
      'x.mdx',
      [
        call('right', 'accept()', 4),
        call('left', 'write()', 5),
        call('left', 'read()', 0),
        call('left', 'write()', -1, { errno: 'EPIPE' }),
      ],
      [],
    );
    expect(ok.ok).toBe(true);
    const bad = compareWithScenario(killed(), 'x.mdx', [call('left', 'write()', 5)], []);
    expect(bad.ok).toBe(false);
  });
});

describe('compareWithErrnos', () => {
  const entry = errnoSchema.parse({
    ...goodErrno('EADDRNOTAVAIL', 99),
    calls: [{ calls: ['bind'], side: 'server', when: 'the address is not local' }],
  });
  const entries = new Map([['EADDRNOTAVAIL', { file: 'src/content/errno/eaddrnotavail.mdx', data: entry }]]);

  it('accepts an errno from a call its entry lists', () => {
    const c = compareWithErrnos(['EADDRNOTAVAIL'], entries, [
      call('right', 'bind(fd, 192.0.2.1:80)', -1, { errno: 'EADDRNOTAVAIL' }),
    ]);
    expect(c.ok).toBe(true);
    expect(c.rows[0]?.expected).toBe('EADDRNOTAVAIL from bind()');
  });

  it('reports a call the entry does not list, an unnamed errno, and a named errno never seen', () => {
    const c = compareWithErrnos(['EADDRNOTAVAIL'], entries, [
      call('left', 'connect()', -1, { errno: 'EADDRNOTAVAIL' }),
      call('left', 'bind()', -1, { errno: 'EADDRINUSE' }),
    ]);
    expect(c.ok).toBe(false);
    expect(c.rows.map((r) => r.problem)).toEqual([
      'src/content/errno/eaddrnotavail.mdx does not list connect() among the calls that return EADDRNOTAVAIL (it lists bind)',
      'the lab expects EADDRNOTAVAIL, the kernel gave EADDRINUSE',
    ]);
    expect(compareWithErrnos(['EADDRNOTAVAIL'], entries, []).problems).toEqual([
      'the lab expects EADDRNOTAVAIL, but no call returned it',
    ]);
  });
});
