import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, afterEach, inject } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.ts';

let browser: Browser | undefined;
const open = new Set<BrowserContext>();

/** A new browser context the size of a 1024×768 tablet, against the server global-setup started. */
export async function tabletContext(): Promise<BrowserContext> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  open.add(context);
  context.on('close', () => open.delete(context));
  return context;
}

// A failed browser test leaves a screenshot of every page it had open in test-results/.
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  mkdirSync('test-results', { recursive: true });
  let n = 0;
  for (const context of open) {
    for (const page of context.pages()) {
      n += 1;
      const name = `${ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}-${n}.png`;
      await page.screenshot({ path: `test-results/${name}` }).catch(() => {});
    }
  }
});

afterAll(async () => {
  await browser?.close();
  browser = undefined;
});
