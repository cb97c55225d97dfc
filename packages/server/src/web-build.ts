import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { WEB_DIST } from './app.ts';

const WEB_ROOT = path.resolve(WEB_DIST, '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * `npm start` builds the web app when its build is missing or older than its sources, so a fresh
 * clone needs no separate build step and a warm start skips it.
 */
export async function ensureWebBuilt(log: (m: string) => void): Promise<void> {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = [
    path.join(WEB_ROOT, 'src'),
    path.join(WEB_ROOT, 'index.html'),
    path.join(WEB_ROOT, 'vite.config.ts'),
  ];
  if (!sources.every((s) => existsSync(s))) return;
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const newestSource = Math.max(
    ...sources.map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs)),
  );
  if (built >= newestSource) return;
  log('building the web app (first start or changed sources)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(WEB_ROOT, 'vite.config.ts'), root: WEB_ROOT, logLevel: 'warn' });
}
