import { basicAuth } from './support-api.ts';

/** The options object the SDK forwards for `client.request(options)` (jQuery.ajax style). */
export interface ZafRequestOptions {
  url?: string;
  type?: string;
  data?: unknown;
  contentType?: string | false;
  dataType?: string;
  headers?: Record<string, string>;
  httpCompleteResponse?: boolean;
  autoRetry?: boolean;
}

/** What ZAF's jqXHR-like objects carry across postMessage. */
export interface XhrLike {
  status: number;
  statusText: string;
  responseText: string;
  responseJSON?: unknown;
  headers: Record<string, string>;
}

export type ForwardOutcome =
  | { settled: 'done'; responseArgs: [unknown, 'success', XhrLike] }
  | { settled: 'fail'; responseArgs: [XhrLike, 'error', string] };

// The real number of automatic retries is not documented (zaf.md §4.1); a few is plausible.
const AUTO_RETRY_LIMIT = 3;

/**
 * Does what Zendesk does with an app's `client.request`: sends it to the Support API as the
 * signed-in agent and settles the SDK's promise with `responseArgs`. Unless the app passed
 * `autoRetry: false`, a 429 is retried here after its Retry-After, and the app never sees it.
 */
export async function forwardRequest(
  options: ZafRequestOptions,
  actingEmail: string,
  onAutoRetry: (waitSeconds: number) => void = () => {},
): Promise<ForwardOutcome> {
  for (let attempt = 0; ; attempt++) {
    const xhr = await send(options, actingEmail);
    const retryAfter = Number(xhr.headers['retry-after'] ?? '1');
    if (xhr.status === 429 && options.autoRetry !== false && attempt < AUTO_RETRY_LIMIT) {
      const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 1;
      onAutoRetry(wait);
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      continue;
    }
    if (xhr.status >= 200 && xhr.status < 300) {
      const data = options.httpCompleteResponse
        ? { status: xhr.status, headers: xhr.headers, responseText: xhr.responseText, responseJSON: xhr.responseJSON }
        : (xhr.responseJSON ?? xhr.responseText);
      return { settled: 'done', responseArgs: [data, 'success', xhr] };
    }
    return { settled: 'fail', responseArgs: [xhr, 'error', xhr.statusText] };
  }
}

async function send(options: ZafRequestOptions, actingEmail: string): Promise<XhrLike> {
  const method = (options.type ?? 'GET').toUpperCase();
  let url = options.url ?? '/';
  const headers: Record<string, string> = { ...options.headers, authorization: basicAuth(actingEmail) };
  let body: string | undefined;

  if (options.data !== undefined && options.data !== null) {
    if (method === 'GET' || method === 'DELETE') {
      url += (url.includes('?') ? '&' : '?') + encodeForm(options.data);
    } else if (typeof options.data === 'string') {
      body = options.data;
    } else {
      // jQuery's default: an object body is form-encoded unless the app stringified it itself.
      body = encodeForm(options.data);
    }
    if (body !== undefined) {
      headers['content-type'] =
        typeof options.contentType === 'string'
          ? options.contentType
          : 'application/x-www-form-urlencoded; charset=UTF-8';
    }
  }

  try {
    // Only Zendesk-relative URLs: the sandbox has no proxy for third-party hosts.
    const response = await fetch(new URL(url, window.location.origin), { method, headers, body });
    const responseText = await response.text();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => (responseHeaders[name.toLowerCase()] = value));
    const xhr: XhrLike = {
      status: response.status,
      statusText: response.statusText || statusTextFor(response.status),
      responseText,
      headers: responseHeaders,
    };
    const json = tryJson(responseText);
    if (json !== undefined) xhr.responseJSON = json;
    return xhr;
  } catch {
    // The connection dropped: jQuery reports status 0 and no text.
    return { status: 0, statusText: 'error', responseText: '', headers: {} };
  }
}

function encodeForm(data: unknown): string {
  if (typeof data === 'string') return data;
  const params = new URLSearchParams();
  if (typeof data === 'object' && data !== null) {
    for (const [key, value] of Object.entries(data)) params.append(key, String(value));
  }
  return params.toString();
}

function tryJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function statusTextFor(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    422: 'Unprocessable Entity',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return texts[status] ?? '';
}
