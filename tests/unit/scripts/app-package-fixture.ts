import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { validatePackage, type Problem } from '../../../scripts/validate/index.ts';

export const VALID_FIXTURE = fileURLToPath(new URL('../../fixtures/app-package/valid', import.meta.url));

type Json = Record<string, unknown>;

/** A throwaway copy of the valid fixture, so each test can break exactly one thing. */
export class PackageCopy {
  readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'app-package-'));
    cpSync(VALID_FIXTURE, this.dir, { recursive: true });
  }

  path(file: string): string {
    return join(this.dir, file);
  }

  write(file: string, content: string | Uint8Array): void {
    mkdirSync(dirname(this.path(file)), { recursive: true });
    writeFileSync(this.path(file), content);
  }

  remove(file: string): void {
    rmSync(this.path(file), { recursive: true, force: true });
  }

  /** Edits a JSON file in place; the callback mutates the parsed object. */
  json(file: string, edit: (json: Json) => void): void {
    const json = JSON.parse(readFileSync(this.path(file), 'utf8')) as Json;
    edit(json);
    this.write(file, JSON.stringify(json, null, 2));
  }

  manifest(edit: (manifest: Json) => void): void {
    this.json('manifest.json', edit);
  }

  /** The manifest's parameters array, for breakages that add or change one. */
  parameters(edit: (parameters: Json[]) => void): void {
    this.manifest((m) => edit(m.parameters as Json[]));
  }

  /** `app.parameters` of translations/en.json. */
  labels(edit: (labels: Json) => void): void {
    this.json('translations/en.json', (t) => edit((t.app as Json).parameters as Json));
  }

  validate(): Problem[] {
    return validatePackage(this.dir);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export type Expected = Omit<Problem, 'message'> & { message: string | RegExp };

/**
 * The named problem is reported, exactly, and nothing else is an error: a breakage that trips
 * other rules too would hide which rule actually caught it.
 */
export function expectOnly(problems: Problem[], expected: Expected): void {
  const matcher = {
    ...expected,
    message: typeof expected.message === 'string' ? expected.message : expect.stringMatching(expected.message),
  };
  expect(problems).toContainEqual(matcher);
  const isExpected = (p: Problem) => p.rule === expected.rule && p.file === expected.file;
  expect(problems.filter((p) => p.severity === 'error' && !isExpected(p))).toEqual([]);
}
