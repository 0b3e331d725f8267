import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, copyOfProject } from '../../scripts/project-copy';
import { HAVE_CHROMIUM, launch } from '../support/browser';
import { serveStatic } from '../support/static-server';

// A team wiki at /wiki/sockerr/: the same site built under a base path, in a real browser.

const BASE = '/wiki/sockerr/';
let dir: string;
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

describe.skipIf(!HAVE_CHROMIUM)(`under ${BASE}`, () => {
  beforeAll(async () => {
    dir = copyOfProject();
    const run = buildSite(dir, { SOCKERR_BASE: BASE });
    if (run.status !== 0) throw new Error(run.stderr);
    server = await serveStatic(path.join(dir, 'dist'), BASE);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('links, searches and works offline with every URL under the base', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.origin === server.origin && !url.pathname.startsWith(BASE)) outside.push(url.pathname);
    });
    await page.goto(`${server.origin}${BASE}`);
    await page.click('a[href$="/errno/"]');
    await page.waitForURL(`**${BASE}errno/`);
    await page.click('text=ECONNRESET');
    await page.waitForURL(`**${BASE}errno/econnreset/`);
    await page.keyboard.press('/');
    await page.keyboard.type('[Errno 32] Broken pipe');
    await page.waitForSelector('#site-search-results li');
    expect(await page.locator('#site-search-results .result-title').first().textContent()).toBe('EPIPE');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe(BASE);
    await page.reload();
    await context.setOffline(true);
    await page.goto(`${server.origin}${BASE}scenarios/time-wait/`);
    expect(await page.locator('h1').textContent()).toMatch(/TIME_WAIT/);
    expect(outside).toEqual([]);
    await context.close();
  });
});
