/** One line of `npm run bench` output: a JSON object naming its benchmark, figures in snake_case. */
export type BenchLine = { bench: string } & Record<string, unknown>;

/** What a bench/<name>.ts module exports for bench/run.ts: one or more lines. */
export type Bench = () => Promise<BenchLine | BenchLine[]> | BenchLine | BenchLine[];

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** `{ virtualMinutes: 2 }` → `{ bench, virtual_minutes: 2 }`: one spelling for every figure. */
export function benchLine(bench: string, figures: object): BenchLine {
  return { bench, ...Object.fromEntries(Object.entries(figures).map(([key, value]) => [snake(key), value])) };
}
