import { basicAuthFor } from '../../sandbox/simulator/index.ts';
import type { ZafClient, ZafRequestOptions } from '../../src/zaf/client.ts';

export const DEMO_ORIGIN = 'https://proactive-demo.zendesk.com';

export interface FakeZafOptions {
  currentUser: Record<string, unknown>;
  settings?: Record<string, unknown>;
  subdomain?: string;
}

/**
 * Stands in for the SDK client the way Zendesk's host behaves: registers asynchronously, answers
 * `get('currentUser')`, and runs `request` against the Support API with fetch (msw routes it to
 * the simulator) as that user, as Zendesk sends an app's requests with the agent's session, so
 * the simulator answers each role as Zendesk would. Non-2xx answers reject with a jqXHR-like
 * object, as ZAF does.
 */
export function fakeZafClient(options: FakeZafOptions) {
  const invoked: unknown[][] = [];
  const requests: ZafRequestOptions[] = [];
  const registration = {
    metadata: {
      appId: 1,
      installationId: 2,
      name: 'Proactive Campaigns',
      version: '0.1.0',
      settings: options.settings ?? {},
    },
    context: {
      instanceGuid: 'test-guid',
      product: 'support',
      location: 'nav_bar',
      account: { subdomain: options.subdomain ?? 'proactive-demo' },
    },
  };
  const client: ZafClient = {
    get: async (path) => (path === 'currentUser' ? { currentUser: options.currentUser, errors: {} } : { errors: {} }),
    invoke: async (...args) => {
      invoked.push(args);
      return { errors: {} };
    },
    on: (event, handler) => {
      if (event === 'app.registered') setTimeout(() => handler(registration), 0);
    },
    metadata: async () => registration.metadata,
    context: async () => registration.context,
    request: async (request) => {
      requests.push(request);
      const headers: Record<string, string> = { ...request.headers };
      const email = options.currentUser.email;
      if (typeof email === 'string' && headers.authorization === undefined) headers.authorization = basicAuthFor(email);
      if (request.data !== undefined && request.contentType) headers['content-type'] = request.contentType;
      let response: Response;
      try {
        response = await fetch(`${DEMO_ORIGIN}${request.url}`, { method: request.type, headers, body: request.data });
      } catch {
        return Promise.reject({ status: 0, statusText: 'error', responseText: '' });
      }
      const responseText = await response.text();
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => (responseHeaders[name] = value));
      let responseJSON: unknown;
      try {
        responseJSON = JSON.parse(responseText);
      } catch {
        responseJSON = undefined;
      }
      const xhr = {
        status: response.status,
        statusText: response.statusText,
        responseText,
        responseJSON,
        headers: responseHeaders,
      };
      return response.ok ? xhr : Promise.reject(xhr);
    },
  };
  return { client, invoked, requests };
}
