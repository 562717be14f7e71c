import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('npm run simulator (sandbox/simulator-server.ts)', () => {
  it('starts with the given plan, seed, size and faults, announces its URL, and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'sandbox/simulator-server.ts',
        '--port',
        '0',
        '--plan',
        'team',
        '--seed',
        '7',
        '--users',
        '120',
        '--fault-5xx',
        '0.05',
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner; output so far: ${output}`)), 20_000);
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          const match = output.match(/Simulated Zendesk listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v2\/)/);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
      });
      const state = (await (await fetch(url.replace('/api/v2/', '/__sandbox/state'))).json()) as Record<
        string,
        unknown
      >;
      expect(state).toMatchObject({
        plan: 'team',
        rpm: 200,
        faults: { serverErrorRate: 0.05 },
        counts: { users: 128 },
      });
      const me = await fetch(`${url}users/me`);
      expect([200, 500, 503]).toContain(me.status);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 30_000);

  it('--help lists every flag, the job, search-lag, idempotency, replay and custom-status ones included', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/simulator-server.ts', '--help'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (output += chunk));
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output).toMatch(/^Usage: npm run simulator/);
    for (const flag of [
      '--port',
      '--plan',
      '--fault-5xx',
      '--fault-replay P',
      '--job-ticket-ms MS',
      '--job-jitter-ms MS',
      '--job-start-ms MS',
      '--job-concurrency N',
      '--search-lag S[-S]',
      '--create-many-idempotency',
      '--no-custom-statuses',
      '--help',
    ])
      expect(output).toContain(flag);
    // The defaults it states are the simulator's own.
    expect(output).toContain('(default 250, ± --job-jitter-ms)');
    expect(output).toContain('(default 30-120; 0 = instant)');
  }, 30_000);

  it('applies the new flags: custom statuses off, create_many idempotency, instant search, fast jobs', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'sandbox/simulator-server.ts',
        '--port',
        '0',
        '--users',
        '60',
        '--no-custom-statuses',
        '--create-many-idempotency',
        '--search-lag',
        '0',
        '--job-ticket-ms',
        '1',
        '--job-start-ms',
        '0',
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner; output so far: ${output}`)), 20_000);
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v2\/)/);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
      });
      const settings = (await (await fetch(`${url}account/settings`)).json()) as {
        settings: { tickets: { custom_statuses_enabled: boolean } };
      };
      expect(settings.settings.tickets.custom_statuses_enabled).toBe(false);
      const me = (await (await fetch(`${url}users/me`)).json()) as { user: { id: number } };
      const post = () =>
        fetch(`${url}tickets/create_many`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': 'cli-1' },
          body: JSON.stringify({ tickets: [{ requester_id: me.user.id, tags: ['pc_cli'], comment: { body: 'x' } }] }),
        });
      expect((await post()).headers.get('x-idempotency-lookup')).toBe('miss');
      expect((await post()).headers.get('x-idempotency-lookup')).toBe('hit');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const counted = (await (await fetch(`${url}search/count?query=tags:pc_cli`)).json()) as { count: number };
      expect(counted.count).toBe(1);
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
  }, 30_000);

  it('refuses an unknown plan', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/simulator-server.ts', '--plan', 'gold'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
  }, 30_000);
});
