import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Child {
  port: number;
  ask<T>(message: { type: string; [k: string]: unknown }, answer: string): Promise<T>;
  stop(): Promise<void>;
}

/** Starts serve-fascia.ts or serve-bare.ts with tsx and waits until it listens. */
export async function startChild(
  file: 'serve-fascia.ts' | 'serve-bare.ts',
  env: Record<string, string>,
): Promise<Child> {
  const child: ChildProcess = fork(path.join(here, file), [], {
    // BENCH_PROFILE_DIR=dir writes a V8 CPU profile of each stack (open it in Chrome DevTools).
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
        : []),
    ],
    // Structured clone keeps Dates and byte arrays in recorded statement parameters.
    serialization: 'advanced',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waitFor = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as T);
      };
      const onExit = (code: number | null) => reject(new Error(`${file} exited with code ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { port } = await waitFor<{ port: number }>('ready');
  return {
    port,
    ask<T>(message: { type: string }, answer: string) {
      const reply = waitFor<T>(answer);
      child.send(message);
      return reply;
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ type: 'exit' });
      const timer = setTimeout(() => child.kill('SIGTERM'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
