import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleDist, buildApp, repoRoot } from '../../../scripts/build.ts';
import { readPngSize } from '../../../scripts/lib/png.ts';
import { PackageRefused, ignoreMatcher, packageApp } from '../../../scripts/package.ts';
import { validatePackage } from '../../../scripts/validate/index.ts';
import { VALID_FIXTURE } from './app-package-fixture.ts';

const scratch: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('assembleDist', () => {
  it('copies the manifest, the Marketplace part of each translation and the package images only', () => {
    const root = tempDir('app-root-');
    const dist = join(root, 'out');
    writeFileSync(join(root, 'manifest.json'), '{"name":"x"}');
    mkdirSync(join(root, 'translations'));
    const en = {
      app: { name: 'X', long_description: 'L', parameters: { a: { label: 'A' } }, ui: { send: 'Send' } },
      campaign: { title: 'T' },
    };
    writeFileSync(join(root, 'translations', 'en.json'), JSON.stringify(en));
    mkdirSync(join(root, 'assets', 'screenshots'), { recursive: true });
    for (const file of ['logo.png', 'logo-small.png', 'icon_nav_bar.svg', 'screenshots/compose.png', 'logo.svg']) {
      writeFileSync(join(root, 'assets', file), file);
    }

    const written = assembleDist(root, dist);

    expect(written.sort()).toEqual(
      [
        'assets/icon_nav_bar.svg',
        'assets/logo-small.png',
        'assets/logo.png',
        'manifest.json',
        'translations/en.json',
      ].sort(),
    );
    expect(JSON.parse(readFileSync(join(dist, 'translations', 'en.json'), 'utf8'))).toEqual({
      app: { name: 'X', long_description: 'L', parameters: { a: { label: 'A' } } },
    });
  });
});

describe('ignoreMatcher (.zcliignore)', () => {
  it('matches names at any depth, anchored paths, folders and ** globs', () => {
    const ignored = ignoreMatcher(['# comment', '*.map', '/assets/drafts/', 'docs/**/*.txt', '']);
    expect(['assets/index.js.map', 'x.map', 'assets/drafts/a.png', 'docs/a/b/c.txt'].filter(ignored)).toHaveLength(4);
    expect(['assets/index.js', 'assets/drafts.png', 'docs/a.md', 'manifest.json'].filter(ignored)).toEqual([]);
  });
});

describe('packageApp', () => {
  it('zips every file but tmp/ and .zcliignore matches, manifest at the root, with fixed timestamps', () => {
    const dist = tempDir('dist-');
    cpSync(VALID_FIXTURE, dist, { recursive: true });
    writeFileSync(join(dist, '.zcliignore'), '*.map\n');
    writeFileSync(join(dist, 'assets', 'index.js.map'), '{}');
    mkdirSync(join(dist, 'tmp'));
    writeFileSync(join(dist, 'tmp', 'scratch.txt'), 'x');
    const out = tempDir('zip-');

    const first = packageApp(dist, out);
    const bytes = readFileSync(first.zipPath);
    const again = packageApp(dist, out);

    expect(first.zipPath).toBe(join(out, 'proactive-campaigns-1.0.0.zip'));
    const entries = unzipSync(bytes);
    expect(Object.keys(entries).sort()).toEqual([
      'assets/icon_nav_bar.svg',
      'assets/index.html',
      'assets/logo-small.png',
      'assets/logo.png',
      'manifest.json',
      'translations/en.json',
    ]);
    expect(JSON.parse(strFromU8(entries['manifest.json'] ?? new Uint8Array()))).toMatchObject({ version: '1.0.0' });
    expect(readFileSync(again.zipPath).equals(bytes)).toBe(true);
  });

  it('refuses a package with errors and writes no zip', () => {
    const dist = tempDir('dist-');
    cpSync(VALID_FIXTURE, dist, { recursive: true });
    symlinkSync('index.html', join(dist, 'assets', 'alias.html'));
    const out = tempDir('zip-');

    expect(() => packageApp(dist, out)).toThrow(PackageRefused);
    expect(() => readFileSync(join(out, 'proactive-campaigns-1.0.0.zip'))).toThrow();
  });
});

describe('validate CLI', () => {
  const run = (dir: string) => {
    try {
      return {
        code: 0,
        out: execFileSync('npx', ['tsx', 'scripts/validate.ts', dir], {
          cwd: repoRoot,
          encoding: 'utf8',
          stdio: 'pipe',
        }),
      };
    } catch (cause) {
      const failed = cause as { status: number; stdout: string };
      return { code: failed.status, out: failed.stdout };
    }
  };

  it('prints "No problems found" and exits 0 for a valid package, lists errors and exits 1 otherwise', () => {
    expect(run(VALID_FIXTURE)).toEqual({ code: 0, out: 'No problems found\n' });
    const broken = tempDir('dist-');
    cpSync(VALID_FIXTURE, broken, { recursive: true });
    rmSync(join(broken, 'assets', 'logo.png'));
    const result = run(broken);
    expect(result.code).toBe(1);
    expect(result.out).toContain('error   assets/logo.png: Missing assets/logo.png');
    expect(result.out).toContain('1 error, 0 warnings');
  });
});

// The real thing: `npm run build` output (built here into a temp dir, from the repo's own
// vite.config.ts, manifest, translations and assets) must pass every rule and package cleanly.
describe('the real app package (vite build of src/ + repo manifest, translations, assets)', () => {
  let dist = '';
  beforeAll(async () => {
    dist = join(tempDir('real-dist-'), 'dist');
    await buildApp({ distDir: dist });
  }, 120_000);

  it('passes the validator without errors', () => {
    // Warnings (e.g. a new library's plain-http doc link) are printed by npm run validate but do not
    // block an upload; errors do.
    expect(validatePackage(dist).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('has the page, its bundle, both logos at their sizes and the nav-bar icon', () => {
    const files = execFileSync('find', ['.', '-type', 'f'], { cwd: dist, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(files).toEqual(
      expect.arrayContaining([
        './manifest.json',
        './translations/en.json',
        './assets/index.html',
        './assets/icon_nav_bar.svg',
      ]),
    );
    expect(files.some((f) => /^\.\/assets\/index-[\w-]+\.js$/.test(f))).toBe(true);
    expect(files.some((f) => f.includes('screenshots'))).toBe(false);
    expect(readPngSize(readFileSync(join(dist, 'assets', 'logo.png')))).toEqual({ width: 320, height: 320 });
    expect(readPngSize(readFileSync(join(dist, 'assets', 'logo-small.png')))).toEqual({ width: 128, height: 128 });
    expect(readFileSync(join(dist, 'assets', 'index.html'), 'utf8')).toMatch(/src="\.\/index-[\w-]+\.js"/);
  });

  it('packages into a zip whose manifest matches the repo manifest', () => {
    const { zipPath } = packageApp(dist, tempDir('zip-'));
    const manifest = strFromU8(unzipSync(readFileSync(zipPath))['manifest.json'] ?? new Uint8Array());
    expect(manifest).toBe(readFileSync(join(repoRoot, 'manifest.json'), 'utf8'));
  });
});
