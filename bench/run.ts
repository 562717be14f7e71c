/**
 * `npm run bench`: figures as JSON on stdout. Rate-limited work runs in virtual time against the
 * simulator, so the minutes below are Zendesk minutes, not this machine's; wall-clock figures are
 * only the bundle size. Compare runs side by side within one output, never across machines.
 */
import { fileURLToPath } from 'node:url';
import { measureBundle } from './bundle-size.ts';
import { runBudget } from './scheduler-budget.ts';
import { runCreation } from './ticket-creation.ts';

const assets = fileURLToPath(new URL('../dist/assets', import.meta.url));

const budget = [
  await runBudget('reads @ 200/min, no faults', { requests: 600, rpm: 200 }),
  await runBudget('reads @ 200/min, 429 bursts + 5% 5xx', {
    requests: 600,
    rpm: 200,
    faults: { burst429: { every: 40, length: 3, retryAfterSeconds: 7 }, serverErrorRate: 0.05 },
  }),
];
const creation = [
  await runCreation('create_many', { tickets: 1000, rpm: 200 }),
  await runCreation('one_post_per_ticket', { tickets: 1000, rpm: 200 }),
  await runCreation('create_many', { tickets: 1000, rpm: 100 }),
  await runCreation('one_post_per_ticket', { tickets: 1000, rpm: 100 }),
];
const [batched200, naive200] = creation;

const results = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  bundle: measureBundle(assets),
  schedulerBudget: budget,
  ticketCreation: creation,
  speedupCreateManyOverOnePostPerTicketAt200:
    batched200 && naive200 ? Math.round((naive200.virtualMinutes / batched200.virtualMinutes) * 100) / 100 : null,
};
console.log(JSON.stringify(results, null, 2));
