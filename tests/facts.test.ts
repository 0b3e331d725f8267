import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { mo } from 'gettext-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../scripts/content-files';
import { PLATFORMS, type Platform, type PlatformNumbers } from '../src/lib/schema';
import { type ErrnoDoc, formatProblem, validateCorpus } from '../src/lib/validate';
import { GLIBC_BITS_ERRNO, LINUX_HEADERS, present, readDefines, WINERROR_H } from './support/errno-headers';

// Every number and message in the content is compared with a primary source: this
// machine's headers, glibc and Node for Linux; transcribed tables with their provenance
// (tests/fixtures/platforms, docs/VERIFICATION.md) for FreeBSD, macOS and Windows messages.

const ROOT = path.resolve(import.meta.dirname, '..');
let errnos: ErrnoDoc[] = [];

beforeAll(async () => {
  const files = await readContentFiles(ROOT);
  const result = validateCorpus(files.docs);
  expect([...files.problems, ...result.problems].map(formatProblem)).toEqual([]);
  errnos = result.errnos;
});

/** Every (name, numbers) pair the content states: entries and aliases with their own numbers. */
function namedNumbers(): Array<{ name: string; numbers: PlatformNumbers; alias: boolean }> {
  return errnos.flatMap((e) => [
    { name: e.data.name, numbers: e.data.numbers, alias: false },
    ...e.data.aliases.map((a) => ({ name: a.name, numbers: a.numbers ?? e.data.numbers, alias: true })),
  ]);
}

describe('content', () => {
  it('holds the first slice of full entries', () => {
    const full = new Set(errnos.filter((e) => e.data.kind === 'full').map((e) => e.data.name));
    for (const name of ['ECONNABORTED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOPROTOOPT', 'ECONNREFUSED']) {
      expect(full, name).toContain(name);
    }
  });
});

const linuxPorts = Object.entries(LINUX_HEADERS) as Array<[keyof typeof LINUX_HEADERS, readonly string[]]>;

describe.each(linuxPorts)('Linux numbers on %s', (platform, files) => {
  it.skipIf(!present(files))(`match ${files.at(-1)}`, () => {
    const defines = readDefines(files, [GLIBC_BITS_ERRNO]);
    for (const { name, numbers } of namedNumbers()) {
      const header = defines.get(name) ?? null;
      expect(numbers[platform], `${name} on ${platform}`).toBe(header);
    }
  });
});

describe('Linux numbers', () => {
  it("match Node's os.constants.errno", () => {
    const node = constants.errno as Record<string, number | undefined>;
    let compared = 0;
    for (const { name, numbers } of namedNumbers()) {
      if (node[name] === undefined) continue;
      expect(numbers.linux, name).toBe(node[name]);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

const python = spawnSync('python3', ['--version']).status === 0;

describe('glibc messages', () => {
  it.skipIf(!python)('match strerror() on this machine', () => {
    const out = spawnSync(
      'python3',
      ['-c', 'import os, json; print(json.dumps({n: os.strerror(n) for n in range(1, 200)}))'],
      { encoding: 'utf8' },
    );
    const strerror = JSON.parse(out.stdout) as Record<string, string>;
    for (const e of errnos) {
      if (e.data.numbers.linux === null) continue;
      expect(e.data.messages.glibc, e.data.name).toBe(strerror[String(e.data.numbers.linux)]);
    }
  });

  const zhMo = '/usr/share/locale/zh_CN/LC_MESSAGES/libc.mo';
  it.skipIf(!existsSync(zhMo))("match glibc's zh_CN translations", () => {
    const catalog = mo.parse(readFileSync(zhMo)).translations[''] ?? {};
    for (const e of errnos) {
      const translated = catalog[e.data.messages.glibc]?.msgstr[0] || null;
      expect(e.data.zh.glibc, e.data.name).toBe(translated);
    }
  });
});

describe('Winsock codes', () => {
  it.skipIf(!existsSync(WINERROR_H))("match mingw-w64's winerror.h", () => {
    const defines = readDefines([WINERROR_H]);
    for (const { name, numbers } of namedNumbers()) {
      const ws = numbers.winsock;
      if (ws === null) {
        expect(defines.get(`WSA${name}`), `${name} has a WSA code in winerror.h`).toBeUndefined();
        continue;
      }
      expect(defines.get(ws.name), ws.name).toBe(ws.code);
    }
  });
});

interface BsdTable {
  errnos: Record<string, { number: number; message: string | null } | undefined>;
}
interface WinsockTable {
  codes: Record<string, { code: number; message: string | null } | undefined>;
}

function fixture<T>(name: string): T | null {
  const file = path.join(ROOT, 'tests/fixtures/platforms', `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

describe.each(['freebsd', 'macos'] as const)('%s', (platform: Platform & ('freebsd' | 'macos')) => {
  const table = fixture<BsdTable>(platform);
  it('has a transcribed table', () => {
    expect(table).not.toBeNull();
  });
  it.skipIf(!table)('numbers match the transcribed errno.h', () => {
    for (const { name, numbers } of namedNumbers()) {
      expect(numbers[platform], `${name} on ${platform}`).toBe(table?.errnos[name]?.number ?? null);
    }
  });
  it.skipIf(!table)('messages match the transcribed strerror table', () => {
    for (const e of errnos) {
      const row = table?.errnos[e.data.name];
      const message = e.data.messages[platform];
      if (!row) {
        expect(message, `${e.data.name} has no ${platform} message`).toBeNull();
        continue;
      }
      // A null row message means the transcribed table lacks the text (see VERIFICATION.md).
      if (row.message) expect(message, `${e.data.name} on ${platform}`).toBe(row.message);
      else expect(message, `${e.data.name} on ${platform}`).not.toBeNull();
    }
  });
});

describe('Winsock messages', () => {
  const table = fixture<WinsockTable>('winsock');
  it.skipIf(!table)('match the transcribed Windows message table', () => {
    for (const e of errnos) {
      const ws = e.data.numbers.winsock;
      if (!ws) {
        expect(e.data.messages.winsock, e.data.name).toBeNull();
        continue;
      }
      expect(e.data.messages.winsock, e.data.name).toBe(table?.codes[ws.name]?.message);
    }
  });
});

describe('platform keys', () => {
  it('are exactly the ones DESIGN.md names', () => {
    expect(PLATFORMS).toEqual(['linux', 'alpha', 'mips', 'sparc', 'parisc', 'freebsd', 'macos', 'winsock']);
  });
});
