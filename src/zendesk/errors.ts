import type { HttpMethod, TransportResponse } from './transport.ts';

/** What went wrong, in the terms the UI turns into one translated message. */
export type ZendeskErrorKind =
  | 'validation'
  | 'bad_request'
  | 'auth'
  | 'permission'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'invalid_response';

export interface ZendeskErrorInit {
  kind: ZendeskErrorKind;
  method: HttpMethod;
  url: string;
  message: string;
  status?: number;
  code?: string;
  description?: string;
  details?: Record<string, string[]>;
  requestId?: string;
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** The one error type src/zendesk throws: every failure of a Support API call ends up as this. */
export class ZendeskError extends Error {
  override readonly name = 'ZendeskError';
  readonly kind: ZendeskErrorKind;
  readonly status?: number;
  /** Zendesk's `error` code, e.g. `RecordInvalid`, `TooManyJobs`, `InvalidTriggerCategory`. */
  readonly code?: string;
  readonly description?: string;
  /** 422 RecordInvalid: messages per field. */
  readonly details?: Record<string, string[]>;
  /** `X-Zendesk-Request-Id`, the id Zendesk support asks for. */
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;
  readonly method: HttpMethod;
  readonly url: string;

  constructor(init: ZendeskErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.method = init.method;
    this.url = init.url;
    if (init.status !== undefined) this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    if (init.description !== undefined) this.description = init.description;
    if (init.details !== undefined) this.details = init.details;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export function isZendeskError(error: unknown): error is ZendeskError {
  return error instanceof ZendeskError;
}

/** The path without the query: short enough for messages, and never carries search terms. */
export function endpointOf(url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const q = path.indexOf('?');
  return q === -1 ? path : path.slice(0, q);
}

export function kindForStatus(status: number): ZendeskErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 422) return 'validation';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'bad_request';
}

/** Seconds from `Retry-After` (Zendesk sends seconds; an HTTP date is accepted too). */
export function retryAfterSeconds(headers: Record<string, string>, now: number): number | undefined {
  const raw = headers['retry-after'];
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

interface ParsedErrorBody {
  code?: string;
  description?: string;
  details?: Record<string, string[]>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** One RecordInvalid detail item: `{type, description}` in the docs, `{error, description}` seen in the wild. */
function detailMessage(item: unknown): string | undefined {
  if (typeof item === 'string') return text(item);
  if (!isRecord(item)) return undefined;
  return text(item.description) ?? text(item.error) ?? text(item.type) ?? text(item.message);
}

function parseDetails(value: unknown): Record<string, string[]> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [field, items] of Object.entries(value)) {
    const list = Array.isArray(items) ? items : [items];
    const messages = list.map(detailMessage).filter((m): m is string => m !== undefined);
    if (messages.length > 0) out[field] = messages;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Zendesk error bodies come in several shapes: `{error, description, details}` (most of the API),
 * `{error: {title, message}}` (some permission errors), `{errors: [{code, title}]}` (trigger
 * categories) and plain text for API-level faults.
 */
export function parseErrorBody(body: unknown): ParsedErrorBody {
  if (typeof body === 'string') {
    const description = text(body.length > 500 ? `${body.slice(0, 500)}…` : body);
    return description === undefined ? {} : { description };
  }
  if (!isRecord(body)) return {};
  const out: ParsedErrorBody = {};
  if (typeof body.error === 'string') out.code = body.error;
  else if (isRecord(body.error)) {
    const title = text(body.error.title);
    const message = text(body.error.message);
    if (title !== undefined) out.code = title;
    if (message !== undefined) out.description = message;
  }
  const description = text(body.description) ?? text(body.message);
  if (description !== undefined) out.description = description;
  if (Array.isArray(body.errors)) {
    const items = body.errors.filter(isRecord);
    const first = items[0];
    if (out.code === undefined && first !== undefined) {
      const code = text(first.code);
      if (code !== undefined) out.code = code;
    }
    const titles = items.map((e) => text(e.title) ?? text(e.detail)).filter((t): t is string => t !== undefined);
    if (out.description === undefined && titles.length > 0) out.description = titles.join('; ');
  }
  const details = parseDetails(body.details);
  if (details !== undefined) out.details = details;
  return out;
}

/** Turns a non-2xx response into the typed error the caller sees. */
export function errorFromResponse(
  request: { method: HttpMethod; url: string },
  response: TransportResponse,
  now: number,
): ZendeskError {
  const parsed = parseErrorBody(response.body);
  const detailText =
    parsed.details === undefined
      ? ''
      : ` (${Object.entries(parsed.details)
          .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
          .join('; ')})`;
  const summary = [parsed.code, parsed.description].filter((s) => s !== undefined).join(': ');
  const init: ZendeskErrorInit = {
    kind: kindForStatus(response.status),
    method: request.method,
    url: request.url,
    status: response.status,
    message: `${request.method} ${endpointOf(request.url)} failed with ${response.status}${summary === '' ? '' : ` ${summary}`}${detailText}`,
  };
  if (parsed.code !== undefined) init.code = parsed.code;
  if (parsed.description !== undefined) init.description = parsed.description;
  if (parsed.details !== undefined) init.details = parsed.details;
  const requestId = response.headers['x-zendesk-request-id'];
  if (requestId !== undefined) init.requestId = requestId;
  const retryAfter = retryAfterSeconds(response.headers, now);
  if (retryAfter !== undefined) init.retryAfterSeconds = retryAfter;
  return new ZendeskError(init);
}

export function networkError(request: { method: HttpMethod; url: string }, cause: unknown): ZendeskError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ZendeskError({
    kind: 'network',
    method: request.method,
    url: request.url,
    message: `${request.method} ${endpointOf(request.url)}: no response from Zendesk (${reason})`,
    cause,
  });
}
