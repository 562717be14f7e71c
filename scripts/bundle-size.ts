import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * What an agent's browser downloads before the first screen can show, gzipped: the JS and CSS that
 * index.html loads (its module script, modulepreloads and stylesheets) and every chunk those import
 * statically. Lazy screens (`React.lazy(() => import(…))`) come later, when opened. Zendesk loads
 * the app in an iframe each time an agent opens it, so this is paid often.
 */
export const INITIAL_GZIP_BUDGET_KB = 180;

export interface AssetSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSize {
  /** Loaded before any lazy chunk. */
  initial: AssetSize[];
  /** Every JS and CSS file in dist/assets. */
  all: AssetSize[];
  initialGzipKb: number;
  totalGzipKb: number;
}

/** kB as Vite prints them: 1,000 bytes, one decimal. */
export const toKb = (bytes: number) => Math.round(bytes / 100) / 10;

const CODE = /\.(?:js|css)$/;

/** Files index.html loads: `<script src>`, `<link rel=modulepreload|stylesheet href>`, relative to assets/. */
export function htmlEntries(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/g) ?? []) {
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!url || /^[a-z]+:|^\/\//i.test(url)) continue;
    const isLink = tag.startsWith('<link');
    if (isLink && !/\brel="(?:modulepreload|stylesheet)"/.test(tag)) continue;
    found.push(normalize(url).replace(/^\.\//, ''));
  }
  return found;
}

/**
 * Chunks a minified ES module imports statically (`import{a as b}from"./x.js"`, `import"./x.js"`,
 * `export{…}from"./x.js"`), not `import("./x.js")`, which is what makes a chunk lazy.
 */
export function staticImports(code: string): string[] {
  const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[^"'`();]*?\bfrom\s*)?["'`](\.\/[^"'`]+\.(?:js|css))["'`]/g;
  return [...code.matchAll(pattern)].map((match) => normalize(match[1] ?? '').replace(/^\.\//, ''));
}

export function initialFiles(assetsDir: string): string[] {
  const html = readFileSync(join(assetsDir, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const queue = htmlEntries(html).filter((file) => CODE.test(file));
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    if (!existsSync(join(assetsDir, file))) throw new Error(`${file} is loaded at start but is not in ${assetsDir}`);
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...staticImports(readFileSync(join(assetsDir, file), 'utf8')));
  }
  return [...seen].sort();
}

function size(assetsDir: string, file: string): AssetSize {
  const content = readFileSync(join(assetsDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

export function measureBundle(assetsDir: string): BundleSize {
  if (!existsSync(join(assetsDir, 'index.html'))) throw new Error(`${assetsDir} has no index.html: build first`);
  const all = readdirSync(assetsDir)
    .filter((file) => CODE.test(file))
    .sort()
    .map((file) => size(assetsDir, file));
  const initialNames = new Set(initialFiles(assetsDir));
  const initial = all.filter((asset) => initialNames.has(asset.file));
  const gzipKb = (assets: AssetSize[]) => toKb(assets.reduce((sum, asset) => sum + asset.gzipBytes, 0));
  return { initial, all, initialGzipKb: gzipKb(initial), totalGzipKb: gzipKb(all) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = process.argv[2] ?? 'dist';
  const bundle = measureBundle(join(dist, 'assets'));
  for (const asset of bundle.initial) console.log(`  ${asset.file.padEnd(44)} ${toKb(asset.gzipBytes)} kB gzip`);
  console.log(
    `initial ${bundle.initialGzipKb} kB gzip (budget ${INITIAL_GZIP_BUDGET_KB} kB), all JS + CSS ${bundle.totalGzipKb} kB gzip`,
  );
  if (bundle.initialGzipKb > INITIAL_GZIP_BUDGET_KB) process.exit(1);
}
