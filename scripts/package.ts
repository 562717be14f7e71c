import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { repoRoot } from './build.ts';
import { formatProblems } from './validate.ts';
import { listPackage } from './validate/package-files.ts';
import { validatePackage, type Problem } from './validate/index.ts';

/**
 * Every entry gets the same timestamp so the same dist/ always zips to the same bytes. ZIP stores
 * local DOS time from 1980 on; a local-time Date keeps it identical whatever the machine's zone.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

export interface PackageResult {
  zipPath: string;
  entries: string[];
  problems: Problem[];
}

export class PackageRefused extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The app package has errors; not packaging it:\n${formatProblems(problems)}`);
    this.name = 'PackageRefused';
  }
}

/**
 * `.zcliignore` lines, as zcli applies them when it zips an app: `#` comments, `*` within a path
 * segment, `**` across segments, a trailing `/` for a whole folder. A pattern without a slash
 * matches the file name at any depth, as in .gitignore.
 */
export function ignoreMatcher(lines: string[]): (path: string) => boolean {
  const patterns = lines
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const folder = line.endsWith('/');
      const glob = line.replace(/^\//, '').replace(/\/$/, '');
      const body = glob
        .split('**')
        .map((part) =>
          part
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '[^/]*')
            .replace(/\?/g, '[^/]'),
        )
        .join('.*');
      const anchored = glob.includes('/') ? `^${body}` : `(?:^|/)${body}`;
      return new RegExp(`${anchored}${folder ? '/' : '(?:/|$)'}`);
    });
  return (path) => patterns.some((pattern) => pattern.test(path));
}

/**
 * Validates dist/ and zips it as zcli would (`tmp/**` and `.zcliignore` left out, manifest.json
 * at the zip root), refusing when the validator reports any error.
 */
export function packageApp(distDir: string, outDir: string = repoRoot): PackageResult {
  const root = resolve(distDir);
  const problems = validatePackage(root);
  if (problems.some((p) => p.severity === 'error')) throw new PackageRefused(problems);

  const ignoreFile = join(root, '.zcliignore');
  const ignored = ignoreMatcher(existsSync(ignoreFile) ? readFileSync(ignoreFile, 'utf8').split(/\r?\n/) : []);
  const entries = listPackage(root).files.filter((file) => file !== '.zcliignore' && !ignored(file));
  const zippable: Zippable = {};
  for (const file of entries) zippable[file] = [readFileSync(join(root, file)), { mtime: FIXED_MTIME }];

  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as { version?: unknown };
  const version = typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  const zipPath = join(outDir, `proactive-campaigns-${version}.zip`);
  writeFileSync(zipPath, zipSync(zippable, { level: 9, mtime: FIXED_MTIME }));
  return { zipPath, entries, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const distDir = process.argv[2] ?? 'dist';
  if (!existsSync(distDir)) {
    console.error(`No app package at ${distDir}: run npm run build first.`);
    process.exitCode = 1;
  } else {
    try {
      const { zipPath, entries, problems } = packageApp(distDir);
      if (problems.length > 0) console.log(formatProblems(problems));
      console.log(`Wrote ${zipPath} (${entries.length} files)`);
    } catch (cause) {
      if (!(cause instanceof PackageRefused)) throw cause;
      console.error(cause.message);
      process.exitCode = 1;
    }
  }
}
