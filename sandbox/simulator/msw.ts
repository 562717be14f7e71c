import { http, HttpResponse, type RequestHandler } from 'msw';
import { DEMO_ORIGIN } from './account.ts';
import type { Simulator } from './index.ts';

/**
 * msw 2 handlers routing `/api/v2/*` to the simulator. With the default base URL they answer the
 * demo origin; pass `'*'` to answer any origin (jsdom pages fetching relative URLs resolve them
 * against their own location).
 */
export function simulatorHandlers(sim: Simulator, baseUrl: string = DEMO_ORIGIN): RequestHandler[] {
  const pattern = baseUrl === '*' ? '*/api/v2/*' : `${baseUrl.replace(/\/$/, '')}/api/v2/*`;
  return [
    http.all(pattern, async ({ request }) => {
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      const body = hasBody ? await request.text() : undefined;
      const response = sim.handle({ method: request.method, url: request.url, headers, body: body || undefined });
      if ('dropped' in response) return HttpResponse.error();
      return new HttpResponse(response.body === '' ? null : response.body, {
        status: response.status,
        headers: response.headers,
      });
    }),
  ];
}
