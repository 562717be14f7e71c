import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../../scripts/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app built once for all e2e tests, as `npm run build` makes it (dist/ layout). */
    distDir: string;
  }
}

/** Builds the app once into a temporary dist/, so tests never depend on (or clobber) the repo's dist/. */
export default async function setup(project: TestProject) {
  const distDir = mkdtempSync(join(tmpdir(), 'proactive-e2e-dist-'));
  await buildApp({ distDir });
  project.provide('distDir', distDir);
  return () => rmSync(distDir, { recursive: true, force: true });
}
