import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export const DEMO_THERAPIST = 'therapist@demo.fascia.example';
export const DEMO_PASSWORD = 'willow-harbour-lantern-47';
/** Issued by the chart page (packages/web/src/features/patients/patient-chart-page.tsx). */
export const CHART_READY_MARK = 'fascia:chart-ready';

export interface ScriptFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface SignInLoad {
  path: string;
  scripts: ScriptFile[];
  totalBytes: number;
  totalGzipBytes: number;
  domContentLoadedMs: number;
  loadMs: number;
}

export interface ChartLoad {
  /** performance.mark('fascia:chart-ready').startTime: ms since navigation start. */
  chartReadyMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  scripts: number;
}

interface PageTimings {
  scripts: string[];
  domContentLoadedMs: number;
  loadMs: number;
  chartReadyMs: number | null;
}

/**
 * What the browser itself recorded: every JavaScript resource (module scripts and modulepreload
 * links alike) and the navigation's milestones, all relative to navigation start.
 */
function readTimings(mark: string): PageTimings {
  // Runs in the page; typed structurally because the benchmark compiles without the DOM library.
  const nav = performance.getEntries().find((e) => (e.entryType as string) === 'navigation') as
    | { domContentLoadedEventEnd: number; loadEventEnd: number }
    | undefined;
  const scripts = performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => new URL(name).pathname.endsWith('.js'));
  return {
    scripts,
    domContentLoadedMs: nav?.domContentLoadedEventEnd ?? -1,
    loadMs: nav?.loadEventEnd ?? -1,
    chartReadyMs: performance.getEntriesByName(mark, 'mark')[0]?.startTime ?? null,
  };
}

/** The built file behind a script URL, sized raw and as gzip -9 would send it. */
function sizeOf(distDir: string, url: string): ScriptFile {
  const file = new URL(url).pathname.replace(/^\/+/, '');
  const content = readFileSync(path.join(distDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/**
 * Opens the sign-in route in a fresh context (empty cache, no session) and sizes every script it
 * fetched by the time the form is shown and the network is quiet.
 */
export async function measureSignIn(browser: Browser, baseUrl: string, distDir: string): Promise<SignInLoad> {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const page = await context.newPage();
    await page.goto('/sign-in', { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    const t = await page.evaluate(readTimings, CHART_READY_MARK);
    const scripts = [...new Set(t.scripts)].map((url) => sizeOf(distDir, url));
    return {
      path: '/sign-in',
      scripts,
      totalBytes: scripts.reduce((n, s) => n + s.bytes, 0),
      totalGzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0),
      domContentLoadedMs: t.domContentLoadedMs,
      loadMs: t.loadMs,
    };
  } finally {
    await context.close();
  }
}

/**
 * Signs the demo therapist in through the API and finds a demo patient's chart address. Returns
 * the session as a storage state, so each measured load starts from a fresh context: signed in,
 * but with nothing cached.
 */
export async function signInTherapist(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const signIn = await context.request.post('/api/auth/sign-in', {
      data: { email: DEMO_THERAPIST, password: DEMO_PASSWORD },
    });
    if (!signIn.ok()) throw new Error(`demo therapist sign-in: ${signIn.status()} ${await signIn.text()}`);
    const list = await context.request.get('/api/patients?q=Demo-Sciatica');
    const items = ((await list.json()) as { items?: Array<{ id: string; legalName: { family: string } }> })
      .items;
    const patient = items?.find((p) => p.legalName.family === 'Demo-Sciatica');
    if (!patient) throw new Error(`the demo patient Alex Demo-Sciatica was not found: ${list.status()}`);
    return { chartPath: `/patients/${patient.id}`, storageState: await context.storageState() };
  } finally {
    await context.close();
  }
}

/** One cold full page load of the chart, timed by the page's own mark. */
export async function measureChart(
  browser: Browser,
  baseUrl: string,
  chartPath: string,
  storageState: Awaited<ReturnType<typeof signInTherapist>>['storageState'],
): Promise<ChartLoad> {
  const context = await browser.newContext({ baseURL: baseUrl, storageState });
  try {
    const page = await context.newPage();
    await page.goto(chartPath, { waitUntil: 'load' });
    await page.waitForFunction(
      (mark) => performance.getEntriesByName(mark, 'mark').length > 0,
      CHART_READY_MARK,
      { timeout: 15_000 },
    );
    const t = await page.evaluate(readTimings, CHART_READY_MARK);
    if (t.chartReadyMs === null) throw new Error('the chart page issued no fascia:chart-ready mark');
    return {
      chartReadyMs: round(t.chartReadyMs),
      domContentLoadedMs: round(t.domContentLoadedMs),
      loadMs: round(t.loadMs),
      scripts: new Set(t.scripts).size,
    };
  } finally {
    await context.close();
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
