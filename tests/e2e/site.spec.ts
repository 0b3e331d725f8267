import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, launch } from '../support/browser';
import { ROOT } from '../support/content';
import { serveStatic } from '../support/static-server';

// The built site (npm test builds it first) in a real Chromium, served on 127.0.0.1.

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
const external: string[] = [];

async function open(url: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(server.origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
      external.push(r.url());
  });
  await page.goto(`${server.origin}${url}`);
  return page;
}

describe.skipIf(!HAVE_CHROMIUM)('in Chromium', () => {
  beforeAll(async () => {
    server = await serveStatic(path.join(ROOT, 'dist'));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('searches as you type from the header, and opens the result with the keyboard', async () => {
    const page = await open('/errno/epipe/');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    expect(requests.some((u) => u.includes('search-index'))).toBe(false);
    await page.keyboard.press('/');
    await page.keyboard.type('recv() failed (104: Connection reset by peer)');
    await page.waitForSelector('#site-search-results li');
    expect(await page.locator('#site-search-results li .result-title').first().textContent()).toBe('ECONNRESET');
    expect(await page.locator('#site-search-results mark').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/errno/econnreset/');
    await page.context().close();
  });

  it('renders ranked results for a /search/?q= deep link', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('[Errno 111] Connection refused')}`);
    await page.waitForSelector('.search-page-results li');
    expect(await page.locator('.search-page-results .result-title').first().textContent()).toBe('ECONNREFUSED');
    expect(await page.locator('main [role=status]').textContent()).toMatch(/results for/);
    await page.context().close();
  });

  it('runs a quiz to the end by keyboard, then retries the misses', async () => {
    const page = await open('/quiz/?set=exam');
    await page.waitForSelector('button[data-choice]');
    let answered = 0;
    while ((await page.locator('button[data-choice]:not([disabled])').count()) > 0 && answered < 40) {
      await page.keyboard.press(answered % 2 === 0 ? '1' : '2');
      await page.waitForSelector('button[data-next]');
      await page.keyboard.press('Enter');
      answered++;
    }
    const score = await page.locator('.quiz-score').textContent();
    expect(score).toMatch(new RegExp(`^Score: \\d+ of ${answered}$`));
    if ((await page.locator('text=/Retry my/').count()) > 0) {
      await page.click('text=/Retry my/');
      expect(await page.locator('.quiz-progress').textContent()).toMatch(/Question 1 of \d+/);
    }
    await page.context().close();
  });

  it('keeps flashcard reviews across a reload, and sets corrupt saved data aside with a message', async () => {
    const page = await open('/flashcards/');
    await page.waitForSelector('.fc-show');
    const first = await page.locator('.fc-front').textContent();
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    await page.waitForSelector('.fc-show');
    expect(await page.locator('.fc-front').textContent()).not.toBe(first);
    await page.reload();
    await page.waitForSelector('.fc-show');
    expect(await page.locator('.fc-front').textContent()).not.toBe(first);
    const stored = await page.evaluate(() =>
      Object.keys(JSON.parse(localStorage.getItem('sockerr.flashcards.v1') ?? '{}').cards ?? {}),
    );
    expect(stored.length).toBe(1);
    await page.evaluate(() => localStorage.setItem('sockerr.flashcards.v1', '{broken'));
    await page.reload();
    await page.waitForSelector('[data-message]:not([hidden])');
    expect(await page.locator('[data-message]').textContent()).toMatch(/kept under/);
    const aside = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('sockerr.flashcards.set-aside.')),
    );
    expect(aside.length).toBe(1);
    await page.context().close();
  });

  it('shows errno and scenario pages in full with JavaScript disabled', async () => {
    for (const url of ['/errno/econnreset/', '/scenarios/server-process-killed/']) {
      const page = await open(url, { javaScriptEnabled: false });
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point: what a reader sees with JavaScript off.
      const text = await page.locator('main').innerText();
      expect(text.length, url).toBeGreaterThan(2000);
      if (url.startsWith('/scenarios/')) expect(await page.locator('.tl-row').count()).toBeGreaterThan(4);
      else expect(await page.locator('table.platform-numbers').isVisible()).toBe(true);
      await page.context().close();
    }
  });

  it('works offline after a first visit: pages, search and quiz', async () => {
    const page = await open('/');
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      // Installed means every file is precached (addAll is all or nothing).
      if (reg.active?.state !== 'activated') await new Promise((r) => reg.active?.addEventListener('statechange', r));
    });
    await page.reload(); // now controlled by the worker
    await page.context().setOffline(true);
    await page.goto(`${server.origin}/scenarios/time-wait/`);
    expect(await page.locator('h1').textContent()).toMatch(/TIME_WAIT/);
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('write EPIPE')}`);
    await page.waitForSelector('.search-page-results li');
    expect(await page.locator('.search-page-results .result-title').first().textContent()).toBe('EPIPE');
    await page.goto(`${server.origin}/quiz/?set=exam`);
    await page.waitForSelector('button[data-choice]');
    await page.goto(`${server.origin}/flashcards/`);
    await page.waitForSelector('.fc-show');
    await page.context().close();
  });

  it('never requests anything from another origin', () => {
    expect(external).toEqual([]);
  });
});
