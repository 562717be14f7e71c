import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The images Zendesk reads from assets/: both Marketplace logos, the nav-bar icon and the optional
 * Marketplace banner. The README screenshots in assets/screenshots/ stay out of the package.
 */
export const PACKAGE_IMAGES = ['logo.png', 'logo-small.png', 'icon_nav_bar.svg', 'banner.png'];

/**
 * The Marketplace keys of a translation's `app` section (the scaffold's
 * `rollup/modifiers/translations.js`). The UI strings are bundled into the JS, so the package's
 * translation files carry only what Zendesk itself displays.
 */
export const MARKETPLACE_TRANSLATION_KEYS = [
  'name',
  'description',
  'short_description',
  'long_description',
  'installation_instructions',
  'parameters',
];

export interface BuildOptions {
  /** Repository root holding manifest.json, translations/ and assets/. */
  root?: string;
  /** Output directory; the Vite bundle goes into `<distDir>/assets`. */
  distDir?: string;
  /** Vite config file; defaults to `<root>/vite.config.ts`. */
  configFile?: string;
}

/** Copies manifest.json, the Marketplace part of each translation, and the package images. */
export function assembleDist(root: string, distDir: string): string[] {
  const manifestPath = join(root, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No manifest.json in ${root}`);
  mkdirSync(join(distDir, 'translations'), { recursive: true });
  mkdirSync(join(distDir, 'assets'), { recursive: true });
  const written: string[] = [];

  copyFileSync(manifestPath, join(distDir, 'manifest.json'));
  written.push('manifest.json');

  const translationsDir = join(root, 'translations');
  const locales = existsSync(translationsDir) ? readdirSync(translationsDir).filter((f) => f.endsWith('.json')) : [];
  for (const file of locales.sort()) {
    const source = join(translationsDir, file);
    const json: unknown = JSON.parse(readFileSync(source, 'utf8'));
    writeFileSync(join(distDir, 'translations', file), `${JSON.stringify(marketplaceSection(json), null, 2)}\n`);
    written.push(`translations/${file}`);
  }

  for (const image of PACKAGE_IMAGES) {
    const source = join(root, 'assets', image);
    if (!existsSync(source)) continue;
    copyFileSync(source, join(distDir, 'assets', image));
    written.push(`assets/${image}`);
  }
  return written;
}

/** `{ app: { …marketplace keys } }`; anything that is not an object is passed through for validate to report. */
export function marketplaceSection(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  const app: unknown = (json as Record<string, unknown>).app;
  if (typeof app !== 'object' || app === null || Array.isArray(app)) return { app };
  const entries = Object.entries(app).filter(([key]) => MARKETPLACE_TRANSLATION_KEYS.includes(key));
  return { app: Object.fromEntries(entries) };
}

export interface BuiltFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

/** Cleans distDir, bundles the app with Vite into distDir/assets, then assembles the package. */
export async function buildApp(options: BuildOptions = {}): Promise<BuiltFile[]> {
  const root = options.root ?? repoRoot;
  const distDir = resolve(options.distDir ?? join(root, 'dist'));
  rmSync(distDir, { recursive: true, force: true });
  // Vite builds React's development bundle whenever NODE_ENV says anything but production, and
  // vitest sets NODE_ENV=test: the e2e tests, the bundle budget and the benchmarks must see
  // what Zendesk gets, whoever calls this.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: options.configFile ?? join(root, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: join(distDir, 'assets'), emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  assembleDist(root, distDir);
  return listFiles(distDir);
}

export function listFiles(distDir: string): BuiltFile[] {
  const out: BuiltFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const bytes = readFileSync(full);
        out.push({
          path: relative(distDir, full).split('\\').join('/'),
          bytes: statSync(full).size,
          gzipBytes: gzipSync(bytes).length,
        });
      }
    }
  };
  walk(distDir);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export function formatSummary(files: BuiltFile[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const lines = files.map((f) => `  ${f.path.padEnd(40)} ${kb(f.bytes).padStart(10)}`);
  const total = (ext: string) => {
    const matching = files.filter((f) => f.path.endsWith(ext));
    const raw = matching.reduce((sum, f) => sum + f.bytes, 0);
    const gz = matching.reduce((sum, f) => sum + f.gzipBytes, 0);
    return `${ext.slice(1).toUpperCase()} ${kb(raw)} raw, ${kb(gz)} gzip`;
  };
  return [`dist/ (${files.length} files)`, ...lines, `${total('.js')}; ${total('.css')}`].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const files = await buildApp();
  console.log(formatSummary(files));
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s. Next: npm run validate`);
}
