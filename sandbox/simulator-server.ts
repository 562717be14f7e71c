/**
 * `npm run simulator -- --port 4599 --rpm 200 --seed 7 --users 5000 --plan team
 *   --fault-429-every 50 --fault-5xx 0.05 --fault-drop 0.02 --slow-jobs 3 --job-failures 0.1`
 * The simulated Support API on real time, for poking at with curl or a browser.
 */
import { parseArgs } from 'node:util';
import { createSimulator } from './simulator/index.ts';
import { startSimulatorServer } from './simulator/http.ts';
import { PLAN_RPM, type Faults, type Plan } from './simulator/types.ts';

const { values } = parseArgs({
  options: {
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
    'slow-jobs': { type: 'string' },
    'job-failures': { type: 'string' },
  },
});

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
const slowJobFactor = numberOption('slow-jobs', values['slow-jobs']);
if (slowJobFactor !== undefined) faults.slowJobFactor = slowJobFactor;
const jobItemFailureRate = numberOption('job-failures', values['job-failures']);
if (jobItemFailureRate !== undefined) faults.jobItemFailureRate = jobItemFailureRate;

const simulator = createSimulator({
  seed: numberOption('seed', values.seed) ?? 1,
  users: numberOption('users', values.users),
  plan: values.plan,
  rpm: numberOption('rpm', values.rpm),
  requireAuth: values['require-auth'],
  faults,
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
