/** `npm run bench -- --scale 50 --duration 30`: the few options the benchmark takes. */
export interface BenchArgs {
  scale: number;
  /** Seconds per measurement (one scenario, one stack, one connection count). */
  duration: number;
  seed: number;
  anchor: string;
  connections: number[];
  /** Keep the generated database of a previous run with the same scale and seed. */
  reuse: boolean;
  only: string[] | undefined;
  /** Targets per read scenario, i.e. distinct patients, searches or days requested. */
  targets: number;
}

export function parseArgs(argv: string[]): BenchArgs {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, fallback: number) => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${raw}`);
    return n;
  };
  const anchor = get('anchor') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(anchor)) throw new Error('--anchor must be a date (YYYY-MM-DD)');
  const scale = num('scale', 1);
  return {
    scale,
    duration: num('duration', 1),
    seed: num('seed', 20_260_101),
    anchor,
    connections: (get('connections') ?? '1,10,50').split(',').map(Number),
    reuse: argv.includes('--reuse'),
    only: get('only')?.split(','),
    targets: num('targets', scale >= 10 ? 200 : 40),
  };
}
