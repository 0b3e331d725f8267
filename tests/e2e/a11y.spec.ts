import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, launch } from '../support/browser';
import { ROOT } from '../support/content';
import { serveStatic } from '../support/static-server';

// axe-core (WCAG 2 A and AA rules) on one page of every type, light and dark.

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PAGES = [
  '/',
  '/errno/',
  '/errno/econnreset/',
  '/errno/e2big/',
  '/scenarios/',
  '/scenarios/server-process-killed/',
  '/glossary/',
  '/glossary/time-wait/',
  '/search/?q=ECONNRESET',
  '/quiz/',
  '/quiz/?set=exam',
  '/flashcards/',
];

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

describe.skipIf(!HAVE_CHROMIUM)('accessibility (axe-core, WCAG 2 A/AA)', () => {
  beforeAll(async () => {
    server = await serveStatic(path.join(ROOT, 'dist'));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no violations on any page type (${scheme})`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      const problems: string[] = [];
      for (const url of PAGES) {
        const page = await context.newPage();
        await page.goto(`${server.origin}${url}`);
        await page.waitForLoadState('networkidle');
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run: (o: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
              };
            }
          ).axe;
          const result = await axe.run({
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          });
          return result.violations.map(
            (v) =>
              `${v.id}: ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(' | ')}`,
          );
        });
        problems.push(...violations.map((v) => `${url} ${v}`));
        await page.close();
      }
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});
