import type { ApiContext } from './context.ts';
import type { BudgetKind } from './endpoint-budgets.ts';
import type { Reply } from './errors.ts';

/** Who may call a route. Zendesk answers 403 to a signed-in user whose role falls short. */
export type Access = 'anyone' | 'agent' | 'admin';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to /api/v2, e.g. `users/:id`; `:id` binds digits only, `:key` anything. */
  pattern: string;
  access?: Access;
  /** An endpoint-specific budget on top of the account's (support-api.md §6, endpoint-budgets.ts). */
  bucket?: BudgetKind;
  handle(ctx: ApiContext): Reply;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  const segments = path.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const parts = route.pattern.split('/');
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let matched = true;
    for (let i = 0; i < parts.length && matched; i++) {
      const part = parts[i] ?? '';
      const segment = segments[i] ?? '';
      if (part.startsWith(':')) {
        if (part === ':id' ? !/^\d+$/.test(segment) : segment === '') matched = false;
        else params[part.slice(1)] = decodeURIComponent(segment);
      } else if (part !== segment) matched = false;
    }
    if (matched) return { route, params };
  }
  return undefined;
}
