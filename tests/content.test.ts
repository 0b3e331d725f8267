import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidationResult } from '../src/lib/validate';
import { realContent } from './support/content';

// The standard every full entry and scenario is held to (docs/CONTENT-GUIDE.md): things the
// schema cannot express because they concern the body or the balance of fields.

let content: ValidationResult;

beforeAll(async () => {
  content = await realContent();
});

const FULL_ERRNOS = (
  'ECONNABORTED ECONNRESET EPIPE ETIMEDOUT ENOPROTOOPT ECONNREFUSED EHOSTUNREACH ENETUNREACH EHOSTDOWN ENETDOWN ' +
  'ENETRESET EAGAIN EINTR EINPROGRESS EALREADY EISCONN ENOTCONN EBADF EFAULT EINVAL EMFILE ENFILE ENOBUFS ENOMEM ' +
  'ENOTSOCK EDESTADDRREQ EMSGSIZE EPROTOTYPE EPROTONOSUPPORT ESOCKTNOSUPPORT EOPNOTSUPP EPFNOSUPPORT EAFNOSUPPORT ' +
  'EADDRINUSE EADDRNOTAVAIL EACCES EDOM ESHUTDOWN ETOOMANYREFS'
).split(' ');

describe('errno entries', () => {
  it('include a full page for every socket errno the sources discuss', () => {
    const full = new Set(content.errnos.filter((e) => e.data.kind === 'full').map((e) => e.data.name));
    for (const name of FULL_ERRNOS) expect(full, name).toContain(name);
  });

  it('cover every Linux errno from 1 to 133', () => {
    const linux = new Set(
      content.errnos.flatMap((e) => [e.data.numbers.linux, ...e.data.aliases.map((a) => a.numbers?.linux ?? null)]),
    );
    const missing = Array.from({ length: 133 }, (_, i) => i + 1).filter((n) => !linux.has(n) && n !== 41 && n !== 58);
    // 41 and 58 are unused in asm-generic (EWOULDBLOCK and EDEADLOCK sit elsewhere).
    expect(missing).toEqual([]);
  });

  it('give each full entry code in C, Node.js and Python, causes, handling and Chinese terms', () => {
    for (const e of content.errnos.filter((x) => x.data.kind === 'full')) {
      for (const heading of ['### C', '### Node.js', '### Python']) {
        expect(e.body, `${e.data.name} ${heading}`).toMatch(new RegExp(`\\n${heading.replace('.', '\\.')}\\n`));
      }
      expect(e.data.causes.length, e.data.name).toBeGreaterThan(0);
      expect(e.data.zh.terms.length, e.data.name).toBeGreaterThan(0);
      expect(e.data.related.length, e.data.name).toBeGreaterThan(0);
      expect(e.data.sources.length, e.data.name).toBeGreaterThan(1);
    }
  });

  it('never cite the typo names the seeds use as if they existed', () => {
    const typos = ['ETIMEOUT', 'ECONNECTABORT', 'EHOSTTUNREACH'];
    for (const e of content.errnos) {
      for (const t of typos) {
        expect(e.data.name).not.toBe(t);
        expect(e.data.aliases.map((a) => a.name)).not.toContain(t);
      }
    }
  });
});

describe('scenarios', () => {
  const PLANNED = (
    'three-way-handshake four-way-close time-wait simultaneous-open simultaneous-close connect-refused ' +
    'connect-timeout host-unreachable rst-before-accept server-process-killed server-host-crash server-crash-reboot ' +
    'server-shutdown half-open-keepalive close-wait-pileup non-blocking-io when-tcp-sends-rst udp-port-unreachable ' +
    'address-in-use out-of-descriptors peer-closes-without-answer'
  ).split(' ');

  it('include every situation the sources describe', () => {
    const slugs = new Set(content.scenarios.map((s) => s.id));
    for (const slug of PLANNED) expect(slugs, slug).toContain(slug);
  });

  it('have a Chinese title, observe commands and a story', () => {
    for (const s of content.scenarios) {
      expect(s.data.titleZh, s.id).toMatch(/[\u3400-\u9fff]/);
      expect(s.data.observe.length, s.id).toBeGreaterThan(0);
      expect(s.body.trim().length, s.id).toBeGreaterThan(400);
    }
  });
});

describe('glossary', () => {
  it('defines the terms the pages link to: states, flags, MSL, ICMP, SO_LINGER, SIGPIPE, keepalive', () => {
    const slugs = new Set(content.glossary.map((g) => g.id));
    const wanted =
      'closed listen syn-sent syn-received established fin-wait-1 fin-wait-2 close-wait closing last-ack time-wait syn ack fin rst psh urg msl icmp-destination-unreachable so-linger sigpipe keepalive';
    for (const slug of wanted.split(' ')) expect(slugs, slug).toContain(slug);
  });
});
