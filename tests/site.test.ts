import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../scripts/content-files';
import { PLATFORM_LABELS, PLATFORMS } from '../src/lib/schema';
import { errnoPath, scenarioPath } from '../src/lib/urls';
import { type ErrnoDoc, type ScenarioDoc, validateCorpus } from '../src/lib/validate';

// Checks the built site in dist/ (npm test builds it first) against the content.

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
let errnos: ErrnoDoc[] = [];
let scenarios: ScenarioDoc[] = [];

function page(sitePath: string): string {
  const file = path.join(DIST, sitePath, 'index.html');
  expect(existsSync(file), `${file} exists`).toBe(true);
  return readFileSync(file, 'utf8');
}

function json<T>(sitePath: string): T {
  return JSON.parse(readFileSync(path.join(DIST, sitePath), 'utf8')) as T;
}

/** Text content of an HTML fragment with tags dropped and entities that matter decoded. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
}

beforeAll(async () => {
  expect(existsSync(DIST), 'dist/ exists: run `npm run build` first').toBe(true);
  const result = validateCorpus((await readContentFiles(ROOT)).docs);
  errnos = result.errnos;
  scenarios = result.scenarios;
});

describe('errno pages', () => {
  it('exist for every entry, with summary, glibc message and every platform number', () => {
    for (const e of errnos) {
      const html = page(errnoPath(e.data.name));
      const body = text(html);
      expect(body).toContain(e.data.summary);
      expect(body).toContain(e.data.messages.glibc);
      const table = text(html.slice(html.indexOf('<table class="platform-numbers'), html.indexOf('</table>')));
      for (const platform of PLATFORMS) {
        const value = e.data.numbers[platform];
        const shown = value === null ? '—' : typeof value === 'number' ? String(value) : `${value.code} ${value.name}`;
        expect(table, `${e.data.name} on ${platform}`).toContain(` ${PLATFORM_LABELS[platform]} ${shown} `);
      }
    }
  });

  it('link every scenario that produces the errno', () => {
    for (const e of errnos) {
      const html = page(errnoPath(e.data.name));
      for (const s of scenarios.filter((sc) => sc.data.errnos.includes(e.data.name))) {
        expect(html, `${e.data.name} links ${s.id}`).toContain(`href="/${scenarioPath(s.id)}"`);
      }
    }
  });

  it('load JavaScript only as deferred module enhancements, never needed to read', () => {
    for (const e of errnos) {
      const html = page(errnoPath(e.data.name));
      for (const [, tag, body] of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/g)) {
        // The one classic script is the theme pre-paint snippet: it only sets an attribute.
        if (!tag?.includes('type="module"')) {
          expect(body?.length ?? 0, e.data.name).toBeLessThan(300);
          expect(body, e.data.name).toMatch(/dataset\.theme/);
        }
      }
    }
  });
});

describe('scenario pages', () => {
  it('draw every step of the timeline with both states', () => {
    for (const s of scenarios) {
      const html = page(scenarioPath(s.id));
      const steps = html.match(/<li class="tl-row/g) ?? [];
      expect(steps).toHaveLength(s.data.timeline.length);
      for (const step of s.data.timeline) {
        expect(text(html)).toContain(step.label);
      }
    }
  });
});

describe('index pages', () => {
  it('list every errno with its Linux number and message', () => {
    const body = text(page('errno/'));
    for (const e of errnos) {
      expect(body).toContain(`${e.data.name} ${e.data.numbers.linux ?? '—'} ${e.data.messages.glibc}`);
    }
  });

  it('list every scenario', () => {
    const html = page('scenarios/');
    for (const s of scenarios) expect(html).toContain(`href="/${scenarioPath(s.id)}"`);
  });
});

describe('open data', () => {
  it('/data/errnos.json holds each entry with its URL', () => {
    const data = json<{ version: number; errnos: Array<{ name: string; url: string; numbers: unknown }> }>(
      'data/errnos.json',
    );
    expect(data.version).toBe(1);
    expect(data.errnos.map((e) => e.name)).toEqual(errnos.map((e) => e.data.name).sort());
    for (const entry of data.errnos) {
      const source = errnos.find((e) => e.data.name === entry.name);
      expect(entry.url).toBe(`/${errnoPath(entry.name)}`);
      expect(entry.numbers).toEqual(source?.data.numbers);
    }
  });

  it('/data/scenarios.json holds each scenario with its URL', () => {
    const data = json<{ scenarios: Array<{ slug: string; url: string }> }>('data/scenarios.json');
    expect(data.scenarios.map((s) => s.slug).sort()).toEqual(scenarios.map((s) => s.id).sort());
    for (const s of data.scenarios) expect(s.url).toBe(`/${scenarioPath(s.slug)}`);
  });
});

describe('every page', () => {
  it('requests nothing from another origin', () => {
    const pages = ['', 'errno/', 'scenarios/', ...errnos.map((e) => errnoPath(e.data.name))];
    for (const p of [...pages, ...scenarios.map((s) => scenarioPath(s.id))]) {
      const html = page(p);
      // Links to sources may leave the site; nothing may be loaded from elsewhere.
      expect(html, p).not.toMatch(/<(script|img|iframe|source|video|audio)[^>]+src="(https?:)?\/\//);
      expect(html, p).not.toMatch(/<link[^>]+href="(https?:)?\/\//);
      expect(html, p).not.toMatch(/url\((["']?)(https?:)?\/\//);
    }
  });
});
