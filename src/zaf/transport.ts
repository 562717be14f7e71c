import { NetworkFailure, normaliseHeaders, type Transport, type TransportResponse } from '../zendesk/transport.ts';
import type { ZafClient, ZafRequestOptions } from './client.ts';

/**
 * The Transport of src/zendesk inside Zendesk: every API call goes through `client.request`,
 * which Zendesk proxies with the agent's session (no token in the browser).
 *
 * ZAF's behaviour on non-2xx is not documented: with `httpCompleteResponse` some hosts resolve
 * with the status, others reject with a jQuery-XHR-like plain object (`{status, statusText,
 * responseText, responseJSON, headers}`, not an Error). Both are turned into a normal response
 * here; only status 0 (no answer at all) is a NetworkFailure.
 */
export function zafTransport(client: Pick<ZafClient, 'request'>): Transport {
  return {
    async request(request) {
      const options: ZafRequestOptions = {
        url: request.url,
        type: request.method,
        contentType: 'application/json',
        dataType: 'json',
        httpCompleteResponse: true,
        autoRetry: false,
      };
      if (request.headers) options.headers = request.headers;
      if (request.body !== undefined) options.data = JSON.stringify(request.body);

      let outcome: unknown;
      try {
        outcome = await client.request(options);
      } catch (rejection) {
        const response = xhrLikeToResponse(rejection);
        if (!response || response.status === 0) {
          throw new NetworkFailure(`${request.method} ${request.url}: no response from Zendesk`, { cause: rejection });
        }
        return response;
      }
      const response = xhrLikeToResponse(outcome);
      if (response === undefined) {
        // A host that ignored httpCompleteResponse resolves with the bare body of a 2xx.
        return { status: 200, headers: {}, body: outcome };
      }
      if (response.status === 0) throw new NetworkFailure(`${request.method} ${request.url}: no response from Zendesk`);
      return response;
    },
  };
}

function xhrLikeToResponse(value: unknown): TransportResponse | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const xhr = value as Record<string, unknown>;
  if (typeof xhr.status !== 'number') return undefined;
  return { status: xhr.status, headers: readHeaders(xhr.headers), body: readBody(xhr) };
}

function readBody(xhr: Record<string, unknown>): unknown {
  if (xhr.responseJSON !== undefined && xhr.responseJSON !== null) return xhr.responseJSON;
  const text = xhr.responseText;
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** ZAF gives headers as an object; a raw XHR gives `getAllResponseHeaders()` text. */
function readHeaders(headers: unknown): Record<string, string> {
  if (typeof headers === 'string') {
    const out: Record<string, string> = {};
    for (const line of headers.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0) out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    return out;
  }
  if (typeof headers !== 'object' || headers === null) return {};
  const strings: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') strings[name] = value;
    else if (typeof value === 'number') strings[name] = String(value);
  }
  return normaliseHeaders(strings);
}
