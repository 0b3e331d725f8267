import { describe, expect, it } from 'vitest';
import { labNeeds, labSchema } from '../../src/lib/labs/definition';
import { callName, parseEventLine, parseSs, socketActor, tcpState } from '../../src/lib/labs/events';
import { formatTranscript, verdictLine } from '../../src/lib/labs/format';
import { type Transcript, transcriptSchema, transcriptsFor, transcriptsForErrno } from '../../src/lib/labs/transcript';

function transcript(over: Partial<Transcript> = {}): Transcript {
  return transcriptSchema.parse({
    version: 1,
    lab: 'server-process-killed',
    title: 'kill -9 on the server',
    scenario: 'server-process-killed',
    errnos: [],
    shownOn: [],
    actors: { left: 'Client', right: 'Server' },
    command: 'npm run lab server-process-killed',
    needs: 'Linux with gcc and ss (iproute2).',
    status: 'passed',
    reason: null,
    kernel: 'Linux 6.18.44',
    date: '2025-01-31',
    isolation: 'namespace',
    durationMs: 612,
    entries: [
      { kind: 'program', file: 'labs/x/killed.c', command: 'cc killed.c -o killed && ./killed' },
      {
        kind: 'call',
        t: 12.5,
        actor: 'left',
        text: 'write(fd, "again", 5)',
        fn: 'write',
        ret: -1,
        errno: 'EPIPE',
        message: 'Broken pipe',
        value: null,
        aside: false,
      },
      { kind: 'exit', t: 13, actor: 'left', code: null, signal: 'SIGPIPE' },
    ],
    comparison: {
      against: 'x.mdx',
      rows: [
        {
          actor: 'left',
          step: 6,
          expected: 'write(fd, "again", 5) = -1 EPIPE',
          observed: 'write(fd, "again", 5) = -1 EPIPE',
          ok: true,
          problem: null,
        },
      ],
      problems: [],
      ok: true,
    },
    ...over,
  });
}

describe('parseEventLine', () => {
  it('reads a call event and fills defaults', () => {
    expect(parseEventLine('{"ev":"ss","filter":"sport = :8080","server":8080}')).toEqual({
      ev: 'ss',
      proto: 'tcp',
      filter: 'sport = :8080',
      server: 8080,
    });
    expect(
      parseEventLine('{"ev":"call","actor":"left","text":"read(fd)","ret":-1,"errno":"ECONNRESET"}'),
    ).toMatchObject({
      ev: 'call',
      errno: 'ECONNRESET',
    });
  });

  it('returns null for plain output and for JSON that is not an event', () => {
    expect(parseEventLine('hello')).toBeNull();
    expect(parseEventLine('{"ev":"call","actor":"middle","text":"x","ret":0}')).toBeNull();
    expect(parseEventLine('{broken')).toBeNull();
  });
});

describe('callName', () => {
  it('takes the identifier before the parenthesis', () => {
    expect(callName('write(fd, "hello", 5)')).toBe('write');
    expect(callName('setsockopt(fd, SOL_SOCKET, SO_LINGER, {1, 0})')).toBe('setsockopt');
    expect(callName('socket.resetAndDestroy()')).toBe('socket.resetAndDestroy');
  });
});

describe('parseSs', () => {
  it('reads state, queues and ports of IPv4 and IPv6 lines', () => {
    const [a, b] = parseSs(
      'CLOSE-WAIT 1 0 127.0.0.1:51326 127.0.0.1:8080 users:(("killed",pid=3,fd=3))\nESTAB 0 0 [::1]:8080 [::1]:40000\n',
    );
    expect(a).toMatchObject({ state: 'CLOSE-WAIT', recvQ: 1, localPort: 51326, peerPort: 8080 });
    expect(a?.rest).toBe('users:(("killed",pid=3,fd=3))');
    expect(b).toMatchObject({ state: 'ESTAB', localPort: 8080, peerPort: 40000 });
  });

  it('maps ss state names to RFC 9293 names and sockets to actors by the server port', () => {
    expect(tcpState('FIN-WAIT-2')).toBe('FIN_WAIT_2');
    expect(tcpState('SYN-RECV')).toBe('SYN_RECEIVED');
    expect(tcpState('UNKNOWN')).toBeNull();
    const [server, client, other] = parseSs(
      'ESTAB 0 0 127.0.0.1:8080 127.0.0.1:5\nESTAB 0 0 127.0.0.1:5 127.0.0.1:8080\nESTAB 0 0 127.0.0.1:6 127.0.0.1:7',
    );
    expect([server, client, other].map((s) => (s ? socketActor(s, 8080) : undefined))).toEqual(['right', 'left', null]);
  });
});

describe('labSchema', () => {
  const good = { title: 'x', scenario: 'connect-refused', isolation: 'loopback', programs: [{ file: 'a.c' }] };

  it('accepts a lab with a scenario and fills defaults', () => {
    expect(labSchema.parse(good)).toMatchObject({ errnos: [], setup: [], timeoutMs: 15_000 });
  });

  it('rejects a lab with neither scenario nor errnos, and commands outside a namespace', () => {
    expect(labSchema.safeParse({ ...good, scenario: undefined }).success).toBe(false);
    expect(labSchema.safeParse({ ...good, setup: [{ run: 'sysctl -w x=1' }] }).success).toBe(false);
    expect(labSchema.safeParse({ ...good, isolation: 'namespace', setup: [{ run: 'x', ns: 'router' }] }).success).toBe(
      false,
    );
    expect(labSchema.safeParse({ ...good, timeoutMs: 60_000 }).success).toBe(false);
    expect(labSchema.safeParse({ ...good, programs: [{ file: 'a.py' }] }).success).toBe(false);
  });
});

describe('labNeeds', () => {
  it('names the compiler only for C programs, extra tools, and what the namespace needs', () => {
    const node = labSchema.parse({ title: 'x', scenario: 'a', isolation: 'loopback', programs: [{ file: 'a.mjs' }] });
    expect(labNeeds(node)).toBe(
      'Linux with iproute2 (ss, ip) and util-linux (unshare, nsenter); its own network namespace when root or user namespaces allow, otherwise the loopback interface.',
    );
    const c = labSchema.parse({ ...node, isolation: 'namespace', tools: ['nft'], programs: [{ file: 'a.c' }] });
    expect(labNeeds(c)).toBe(
      'Linux with gcc, iproute2 (ss, ip), util-linux (unshare, nsenter) and nft; root, or unprivileged user namespaces, for its own network namespace.',
    );
  });
});

describe('formatTranscript', () => {
  it('prints the kernel, each call with its errno and message, the comparison and PASSED', () => {
    const text = formatTranscript(transcript());
    expect(text).toContain('kernel     Linux 6.18.44 (uname -sr), 2025-01-31');
    expect(text).toContain('  0.013s  Client   write(fd, "again", 5) = -1 EPIPE (Broken pipe)');
    expect(text).toContain('Client   process killed by SIGPIPE');
    expect(text).toMatch(/Client {2}6 {5}write\(fd, "again", 5\) = -1 EPIPE {2}write/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('PASSED: the kernel did what the scenario says (0.6 s)');
  });

  it('says SKIPPED with the reason, never passed, for a skipped lab', () => {
    const text = formatTranscript(
      transcript({ status: 'skipped', reason: 'needs its own network namespace', entries: [], comparison: null }),
    );
    expect(text).toContain('SKIPPED: needs its own network namespace');
    expect(text.toLowerCase()).not.toContain('passed');
  });

  it('shows differing rows side by side with the reason', () => {
    const failed = transcript({
      status: 'failed',
      reason: '1 difference',
      comparison: {
        against: 'x.mdx',
        rows: [
          {
            actor: 'left',
            step: 5,
            expected: 'read(fd, buf, 100) = -1 ECONNRESET',
            observed: 'read(fd, buf, 100) = 0',
            ok: false,
            problem: 'expected ECONNRESET, the kernel gave no error (0)',
          },
        ],
        problems: [],
        ok: false,
      },
    });
    expect(formatTranscript(failed)).toMatch(
      /read\(fd, buf, 100\) = -1 ECONNRESET {2}read\(fd, buf, 100\) = 0 {2}DIFFERS: expected ECONNRESET/,
    );
    expect(verdictLine(failed)).toBe('FAILED: 1 difference (0.6 s)');
  });
});

describe('transcriptsFor', () => {
  it("lists a scenario's own labs first, then labs shown on it, each group by name", () => {
    const list = [
      transcript({ lab: 'b', scenario: 'address-in-use', shownOn: ['time-wait'] }),
      transcript({ lab: 'z', scenario: 'time-wait' }),
      transcript({ lab: 'a', scenario: null, shownOn: ['time-wait'] }),
      transcript({ lab: 'c', scenario: 'connect-refused' }),
    ];
    expect(transcriptsFor('time-wait', list).map((t) => t.lab)).toEqual(['z', 'a', 'b']);
    expect(transcriptsFor('three-way-handshake', list)).toEqual([]);
  });
});

describe('transcriptsForErrno', () => {
  it('lists the labs checked against an errno entry', () => {
    const list = [
      transcript({ lab: 'reset-by-peer', scenario: null, errnos: ['ECONNRESET'] }),
      transcript({ lab: 'bind-missing-address', scenario: null, errnos: ['EADDRNOTAVAIL'] }),
    ];
    expect(transcriptsForErrno('ECONNRESET', list).map((t) => t.lab)).toEqual(['reset-by-peer']);
  });
});
