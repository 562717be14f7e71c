/**
 * The shapes every validation rule shares. A rule looks at the app package (the directory that
 * would be zipped and uploaded) and returns problems; it never throws for a bad package.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Path inside the package, with `/` separators (e.g. `manifest.json`, `assets/logo.png`). */
  file: string;
  message: string;
  /** The ZAS message key when Zendesk has one (e.g. `manifest_keys.missing`), else our own name. */
  rule: string;
}

export type JsonObject = { [key: string]: unknown };

export interface AppPackage {
  /** Absolute path of the package directory. */
  root: string;
  /** Regular files, relative `/`-separated paths, sorted; `tmp/**` excluded as Zendesk does. */
  files: string[];
  /** Symbolic links found anywhere in the package (never followed). */
  symlinks: string[];
  has(path: string): boolean;
  read(path: string): Buffer;
  /** The parsed root manifest.json; rules that need it only run once it is a JSON object. */
  manifest: JsonObject;
}

export type Rule = (pkg: AppPackage) => Problem[];

export const error = (rule: string, file: string, message: string): Problem => ({
  severity: 'error',
  file,
  message,
  rule,
});

export const warning = (rule: string, file: string, message: string): Problem => ({
  severity: 'warning',
  file,
  message,
  rule,
});

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How Ruby's `inspect` would show a value in ZAS messages, close enough for a person to recognise it. */
export function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
