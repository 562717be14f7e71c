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

  it('refuses an unknown plan', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/simulator-server.ts', '--plan', 'gold'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
  }, 30_000);
});
