import type { ChildProcess } from 'node:child_process';

/**
 * Shared by the e2e lane and `npm run bench:web`, which both start `fascia serve` as a child:
 * keeps its output, and waits until /readyz answers — or fails with that output, so a server that
 * could not start says why.
 */
export async function waitUntilReady(
  server: ChildProcess,
  baseUrl: string,
  timeoutMs: number,
): Promise<void> {
  let output = '';
  const keep = (d: Buffer) => {
    output += d;
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`the server did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
