import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from '../../../sandbox/simulator/index.ts';
import { buildApp } from '../../../scripts/build.ts';
import { INITIAL_GZIP_BUDGET_KB, initialFiles, measureBundle, staticImports } from '../../../scripts/bundle-size.ts';
import { validatePackage } from '../../../scripts/validate/index.ts';

const scratch: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('what loads before the first screen', () => {
  it('follows index.html and static imports, and stops at import()', () => {
    const assets = tempDir('bundle-walk-');
    const files: Record<string, string> = {
      'index.html':
        '<script type="module" crossorigin src="./index-a1.js"></script>' +
        '<link rel="modulepreload" crossorigin href="./vendor-b2.js"><link rel="stylesheet" href="./index-c3.css">' +
        '<link rel="icon" href="./logo.png">',
      'index-a1.js':
        'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./Lazy-d4.js","./index-c3.css"])))=>i.map(i=>d[i]);\n' +
        'import{a as e,b as t}from"./vendor-b2.js";import"./polyfill-e5.js";const s=()=>import("./Lazy-d4.js");',
      'vendor-b2.js': 'export{x as a}from"./shared-f6.js";export const b=1;',
      'shared-f6.js': 'export const x=`import("./not-a-chunk.js")`;',
      'polyfill-e5.js': 'void 0;',
      'Lazy-d4.js': 'import{x}from"./lazy-only-g7.js";',
      'lazy-only-g7.js': 'export const x=2;',
      'index-c3.css': 'body{margin:0}',
    };
    for (const [file, text] of Object.entries(files)) writeFileSync(join(assets, file), text);

    expect(initialFiles(assets)).toEqual([
      'index-a1.js',
      'index-c3.css',
      'polyfill-e5.js',
      'shared-f6.js',
      'vendor-b2.js',
    ]);
    const bundle = measureBundle(assets);
    expect(bundle.all.map((a) => a.file)).toHaveLength(7);
    expect(bundle.totalGzipKb).toBeGreaterThan(bundle.initialGzipKb);
  });

  it('reads minified import forms', () => {
    expect(staticImports('import{n as e,t}from"./rt.js";import"./side.js";export{a}from"./re.js";')).toEqual([
      'rt.js',
      'side.js',
      're.js',
    ]);
    expect(staticImports('const c=()=>import("./lazy.js");x.from("./nope.js")')).toEqual([]);
  });

  it('fails loudly when index.html names a file the build did not write', () => {
    const assets = tempDir('bundle-missing-');
    writeFileSync(join(assets, 'index.html'), '<script type="module" src="./gone.js"></script>');
    expect(() => initialFiles(assets)).toThrow(/gone\.js is loaded at start/);
  });
});

interface ShippedFile {
  file: string;
  text: string;
}

/** Inside Zendesk, ZAF adds the auth; the app must never carry its own. */
const CREDENTIALS = [
  /authorization/i,
  /\bBearer\s+[\w.~+/-]{8,}/,
  // Zendesk API-token basic auth is `{email}/token:{api_token}`.
  /\/token:/,
  /\btoken["'`]?\s*[:=]\s*["'`][^"'`\s]{6,}["'`]/i,
  /\b(?:api_?key|api_?token|password|secret)["'`]?\s*[:=]\s*["'`][^"'`\s]{4,}["'`]/i,
];
const credentials = (files: ShippedFile[]) =>
  files.flatMap(({ file, text }) =>
    CREDENTIALS.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`),
  );

/** The demo account's people, its domain, and the password the simulator accepts. */
const SANDBOX_ONLY = [...Object.values(DEMO_IDENTITIES), 'proactive-demo.test', 'token:sandbox'];
const sandboxLeftovers = (files: ShippedFile[]) =>
  files.flatMap(({ file, text }) =>
    SANDBOX_ONLY.filter((needle) => text.includes(needle)).map((needle) => `${file}: ${needle}`),
  );

describe('the built app', () => {
  let dist: string;
  beforeAll(async () => {
    dist = tempDir('built-app-');
    await buildApp({ distDir: dist });
  }, 120_000);

  it(`loads at most ${INITIAL_GZIP_BUDGET_KB} kB (gzip) of JS and CSS before the first screen`, () => {
    const bundle = measureBundle(join(dist, 'assets'));
    const report = bundle.initial.map((a) => `${a.file} ${(a.gzipBytes / 1000).toFixed(1)} kB`).join(', ');
    expect(
      bundle.initialGzipKb,
      `initial ${bundle.initialGzipKb} kB gzip (${report}); all JS + CSS ${bundle.totalGzipKb} kB`,
    ).toBeLessThanOrEqual(INITIAL_GZIP_BUDGET_KB);
    // The first screen is not everything: later steps load when opened.
    expect(bundle.all.length).toBeGreaterThan(bundle.initial.length);
  });

  /** Everything the package ships that a browser reads as text. */
  const shippedText = () => {
    const assets = join(dist, 'assets');
    return readdirSync(assets)
      .filter((file) => /\.(?:js|css|html|json|svg)$/.test(file))
      .map((file) => ({ file, text: readFileSync(join(assets, file), 'utf8') }));
  };

  it('ships no credentials: no Authorization header, no API token, no Zendesk token login', () => {
    expect(credentials(shippedText())).toEqual([]);
  });

  it('ships nothing of the sandbox: no demo account emails or domain, no simulator password', () => {
    expect(sandboxLeftovers(shippedText())).toEqual([]);
  });

  it("passes Zendesk's own secret scan (ZAS application_secret) with nothing to warn about", () => {
    expect(validatePackage(dist).filter((problem) => problem.rule === 'application_secret')).toEqual([]);
  });

  it('the scans find what they look for', () => {
    const planted = [
      { file: 'x.js', text: `h={Authorization:"Basic "+btoa("${DEMO_IDENTITIES.admin}/token:sandbox")}` },
    ];
    expect(credentials(planted)).toEqual([`x.js: ${String(CREDENTIALS[0])}`, `x.js: ${String(CREDENTIALS[2])}`]);
    expect(sandboxLeftovers(planted)).toEqual([
      `x.js: ${DEMO_IDENTITIES.admin}`,
      'x.js: proactive-demo.test',
      'x.js: token:sandbox',
    ]);
    // A key with a literal value is a secret; liquidjs' `token:this.token` is not.
    const assigned = [{ file: 'y.js', text: 'const api_token = "abcd1234efgh"; t={token:this.token}' }];
    expect(credentials(assigned)).toEqual([`y.js: ${String(CREDENTIALS[4])}`]);
  });
});
