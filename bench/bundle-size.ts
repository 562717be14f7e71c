import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../scripts/build.ts';
import { INITIAL_GZIP_BUDGET_KB, measureBundle } from '../scripts/bundle-size.ts';
import type { BenchLine } from './line.ts';

/**
 * The app's size as an agent's browser gets it (gzip), built fresh from the sources so the figure
 * is never an old dist/'s: `initial` is what loads before any lazy screen (the CI budget).
 */
export async function bundleBench(): Promise<BenchLine> {
  const dist = mkdtempSync(join(tmpdir(), 'proactive-bench-dist-'));
  try {
    await buildApp({ distDir: dist });
    const bundle = measureBundle(join(dist, 'assets'));
    return {
      bench: 'bundle',
      initial_gzip_kb: bundle.initialGzipKb,
      total_gzip_kb: bundle.totalGzipKb,
      budget_kb: INITIAL_GZIP_BUDGET_KB,
      initial_files: bundle.initial.map((asset) => asset.file.replace(/-[\w-]{8}\.(js|css)$/, '.$1')),
    };
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}
