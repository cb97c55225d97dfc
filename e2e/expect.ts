import type { Locator } from 'playwright-core';

/**
 * playwright-core has no test runner and so no web-first `expect`; these wait for the page the way
 * a user waits for it, and fail with a clear message when it never comes.
 */
export async function visible(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

export async function absent(locator: Locator, timeout = 5_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await locator.count()) > 0) {
    if (Date.now() > deadline) throw new Error(`still present after ${timeout} ms: ${locator}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
