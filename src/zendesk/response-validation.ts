import type { z } from 'zod';
import { ZendeskError, endpointOf } from './errors.ts';
import type { HttpMethod } from './transport.ts';

type Issue = z.core.$ZodIssue;

/** `users[3].id`: the path as a developer would write it to reach the value. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(body)' : out;
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'undefined') return 'nothing (missing)';
  return typeof value;
}

function describeIssue(issue: Issue, data: unknown): string {
  const where = formatPath(issue.path);
  if (issue.code === 'invalid_type')
    return `${where} expected ${issue.expected}, got ${typeName(valueAt(data, issue.path))}`;
  return `${where}: ${issue.message}`;
}

/**
 * Checks a 2xx body against the schema the endpoint expects. Zendesk adds fields all the time
 * (schemas are loose), but a missing or mistyped field we rely on must stop the flow with a
 * message that names the endpoint and the first failing path, not surface later as `undefined`.
 */
export function parseResponse<S extends z.ZodType>(
  schema: S,
  body: unknown,
  request: { method: HttpMethod; url: string },
): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const problem = first === undefined ? 'does not match the expected shape' : describeIssue(first, body);
  const more = result.error.issues.length > 1 ? ` (+${result.error.issues.length - 1} more)` : '';
  return raise(request, `${request.method} ${endpointOf(request.url)}: ${problem}${more}`, result.error);
}

function raise(request: { method: HttpMethod; url: string }, message: string, cause: unknown): never {
  throw new ZendeskError({ kind: 'invalid_response', method: request.method, url: request.url, message, cause });
}
