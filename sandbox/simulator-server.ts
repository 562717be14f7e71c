/**
 * `npm run simulator -- --port 4599 --rpm 200 --seed 7 --users 5000 --plan team
 *   --fault-429-every 50 --fault-5xx 0.05 --fault-drop 0.02 --slow-jobs 3 --job-failures 0.1
 *   --fault-replay 0.02 --job-ticket-ms 250 --search-lag 30-120 --no-custom-statuses`
 * The simulated Support API on real time, for poking at with curl or a browser.
 */
import { parseArgs } from 'node:util';
import { createSimulator } from './simulator/index.ts';
import { startSimulatorServer } from './simulator/http.ts';
import { DEFAULT_JOB_TIMING, type JobTiming } from './simulator/job-timing.ts';
import { DEFAULT_SEARCH_LAG } from './simulator/search-index.ts';
import { PLAN_RPM, type Faults, type Plan } from './simulator/types.ts';

const USAGE = `Usage: npm run simulator -- [options]

Serves a simulated Zendesk Support API (demo account, real-time rate limit) at http://<host>:<port>/api/v2/.

  --port N                  port (default 4599; 0 picks a free one)
  --host ADDR               address to bind (default 127.0.0.1)
  --plan NAME               ${Object.keys(PLAN_RPM).join(', ')} (default professional)
  --rpm N                   requests per minute, instead of the plan's limit
  --seed N                  demo account seed (default 1)
  --users N                 end-users in the demo account (default 3000)
  --require-auth            answer 401 without an Authorization header
  --fault-429-every N       after every N requests, a burst of 429s ...
  --fault-429-length N        ... N requests long (default 3)
  --fault-429-retry-after S   ... with Retry-After S seconds (default 2)
  --fault-5xx P             share of requests (0..1) answered 500/503 before processing
  --fault-drop P            share of requests (0..1) processed, then the connection dropped
  --fault-late-5xx P        share of requests (0..1) processed, then answered 502/504
  --slow-jobs F             multiply background job latency by F
  --job-failures P          share of create_many items (0..1) failing inside the job
  --other-jobs N            of the account's 30 job slots, N are taken by other apps' jobs
  --fault-replay P          share of POSTs (0..1) processed twice: the connection drops unanswered
                              and the browser replays the request (the client sees the second answer)
  --job-ticket-ms MS        job time per ticket (default ${DEFAULT_JOB_TIMING.perTicketMs}, ± --job-jitter-ms)
  --job-jitter-ms MS        per-ticket jitter (default ${DEFAULT_JOB_TIMING.perTicketJitterMs})
  --job-start-ms MS         least time a job waits in the queue (default ${DEFAULT_JOB_TIMING.startDelayMs})
  --job-concurrency N       jobs the account runs at once (default ${DEFAULT_JOB_TIMING.concurrency}, all in flight)
  --search-lag S[-S]        seconds until a write is searchable, fixed or a range
                              (default ${DEFAULT_SEARCH_LAG.minMs / 1000}-${DEFAULT_SEARCH_LAG.maxMs / 1000}; 0 = instant)
  --create-many-idempotency honour Idempotency-Key on tickets/create_many (default: ignored)
  --no-custom-statuses      custom ticket statuses off (custom_status_id refused)
  --help                    this text`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      help: { type: 'boolean', default: false },
      port: { type: 'string', default: '4599' },
      host: { type: 'string', default: '127.0.0.1' },
      rpm: { type: 'string' },
      seed: { type: 'string', default: '1' },
      users: { type: 'string' },
      plan: { type: 'string', default: 'professional' },
      'require-auth': { type: 'boolean', default: false },
      'fault-429-every': { type: 'string' },
      'fault-429-length': { type: 'string', default: '3' },
      'fault-429-retry-after': { type: 'string', default: '2' },
      'fault-5xx': { type: 'string' },
      'fault-drop': { type: 'string' },
      'fault-late-5xx': { type: 'string' },
      'slow-jobs': { type: 'string' },
      'job-failures': { type: 'string' },
      'fault-replay': { type: 'string' },
      'other-jobs': { type: 'string' },
      'job-ticket-ms': { type: 'string' },
      'job-jitter-ms': { type: 'string' },
      'job-start-ms': { type: 'string' },
      'job-concurrency': { type: 'string' },
      'search-lag': { type: 'string' },
      'create-many-idempotency': { type: 'boolean', default: false },
      'no-custom-statuses': { type: 'boolean', default: false },
    },
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function numberOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`--${name} must be a non-negative number, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const plans = Object.keys(PLAN_RPM);
const isPlan = (value: string): value is Plan => plans.includes(value);
if (!isPlan(values.plan)) {
  console.error(`--plan must be one of ${plans.join(', ')}`);
  process.exit(2);
}

const faults: Faults = {};
const every = numberOption('fault-429-every', values['fault-429-every']);
if (every !== undefined) {
  faults.burst429 = {
    every,
    length: numberOption('fault-429-length', values['fault-429-length']) ?? 3,
    retryAfterSeconds: numberOption('fault-429-retry-after', values['fault-429-retry-after']) ?? 2,
  };
}
const serverErrorRate = numberOption('fault-5xx', values['fault-5xx']);
if (serverErrorRate !== undefined) faults.serverErrorRate = serverErrorRate;
const dropRate = numberOption('fault-drop', values['fault-drop']);
if (dropRate !== undefined) faults.dropRate = dropRate;
const lateRate = numberOption('fault-late-5xx', values['fault-late-5xx']);
if (lateRate !== undefined) faults.timeoutAfterProcessingRate = lateRate;
const slowJobFactor = numberOption('slow-jobs', values['slow-jobs']);
if (slowJobFactor !== undefined) faults.slowJobFactor = slowJobFactor;
const jobItemFailureRate = numberOption('job-failures', values['job-failures']);
if (jobItemFailureRate !== undefined) faults.jobItemFailureRate = jobItemFailureRate;

const otherJobs = numberOption('other-jobs', values['other-jobs']);
if (otherJobs !== undefined) faults.otherJobsInFlight = otherJobs;

const replayRate = numberOption('fault-replay', values['fault-replay']);
if (replayRate !== undefined) faults.replayPostRate = replayRate;

const jobTiming: Partial<JobTiming> = {};
const jobOptions = [
  ['perTicketMs', 'job-ticket-ms'],
  ['perTicketJitterMs', 'job-jitter-ms'],
  ['startDelayMs', 'job-start-ms'],
  ['concurrency', 'job-concurrency'],
] as const;
for (const [key, flag] of jobOptions) {
  const value = numberOption(flag, values[flag]);
  if (value !== undefined) jobTiming[key] = value;
}

/** `--search-lag 60` (fixed) or `--search-lag 30-120` (a range), in seconds. */
function searchLag(raw: string | undefined): number | { minMs: number; maxMs: number } | undefined {
  if (raw === undefined) return undefined;
  const [low, high = low] = raw.split('-');
  const min = numberOption('search-lag', low);
  const max = numberOption('search-lag', high);
  if (min === undefined || max === undefined || max < min) {
    console.error(`--search-lag must be S or MIN-MAX seconds, got "${raw}"`);
    process.exit(2);
  }
  return { minMs: min * 1000, maxMs: max * 1000 };
}

const simulator = createSimulator({
  seed: numberOption('seed', values.seed) ?? 1,
  users: numberOption('users', values.users),
  plan: values.plan,
  rpm: numberOption('rpm', values.rpm),
  requireAuth: values['require-auth'],
  faults,
  jobTiming,
  searchIndexLagMs: searchLag(values['search-lag']),
  createManyIdempotency: values['create-many-idempotency'],
  customStatuses: !values['no-custom-statuses'],
});
const server = await startSimulatorServer({
  port: numberOption('port', values.port) ?? 4599,
  host: values.host,
  simulator,
});
console.log(`Simulated Zendesk listening on ${server.url}/api/v2/`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the simulated Zendesk`);
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
