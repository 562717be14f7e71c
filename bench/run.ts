/**
 * `npm run bench`: one JSON object per line on stdout, each naming its benchmark in `"bench"`
 * (`{"bench":"bundle","initial_gzip_kb":…}`), and nothing else on stdout: anything a benchmark
 * logs goes to stderr, so `npm run bench | jq -c 'select(.bench == "send")'` just works.
 *
 * Rate-limited work runs in virtual time against the simulator, so its minutes are Zendesk
 * minutes, not this machine's; only the bundle size is measured for real. Compare runs side by
 * side within one output, never across machines.
 *
 * To add a benchmark: write bench/<name>.ts exporting a `Bench` (bench/line.ts), a function that
 * returns one line or several (`benchLine('<name>', figures)` spells the keys in snake_case), and
 * add it to BENCHES below. That is the whole change.
 */
import { bundleBench } from './bundle-size.ts';
import type { Bench } from './line.ts';
import { schedulerBudgetBench } from './scheduler-budget.ts';
import { ticketCreationBench } from './ticket-creation.ts';
import { sendBench } from './send.ts';
import { audienceBench } from './audience.ts';

const BENCHES: Bench[] = [
  () => ({ bench: 'environment', node: process.version, generated_at: new Date().toISOString() }),
  bundleBench,
  schedulerBudgetBench,
  ticketCreationBench,
  audienceBench,
  sendBench,
];

// stdout carries the JSON lines only; Vite's build notes and any stray log go to stderr.
const out = process.stdout.write.bind(process.stdout);
const toStderr = (...args: unknown[]) => void process.stderr.write(`${args.map(String).join(' ')}\n`);
console.log = console.info = console.debug = toStderr;

for (const bench of BENCHES) {
  const result = await bench();
  for (const line of Array.isArray(result) ? result : [result]) out(`${JSON.stringify(line)}\n`);
}
