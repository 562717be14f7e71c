import type { SupportApiClient } from '../client.ts';
import { z } from 'zod';
import { listAll, withQuery } from '../pagination.ts';
import type { RuleCondition } from '../schemas/rules.ts';
import {
  viewCountResponseSchema,
  viewResponseSchema,
  viewsResponseSchema,
  type View,
  type ViewCount,
} from '../schemas/views.ts';
import type { CallOptions } from './call-options.ts';

export interface NewView {
  title: string;
  description?: string;
  active?: boolean;
  /** Omitted = shared with all agents (403 for plain agents); `{type:'User', id}` = personal. */
  restriction?: { type: 'User'; id: number } | { type: 'Group'; ids: number[] };
  /** Must include a status, type, group_id, assignee_id or requester_id condition. */
  all: Array<Pick<RuleCondition, 'field' | 'operator'> & { value: unknown }>;
  any?: Array<Pick<RuleCondition, 'field' | 'operator'> & { value: unknown }>;
  output?: {
    columns?: string[];
    group_by?: string;
    group_order?: 'asc' | 'desc';
    sort_by?: string;
    sort_order?: 'asc' | 'desc';
  };
}

export async function createView(client: SupportApiClient, view: NewView, options?: CallOptions): Promise<View> {
  const { view: created } = await client.request(
    { method: 'POST', url: '/api/v2/views', body: { view: { any: [], ...view } } },
    viewResponseSchema,
    options,
  );
  return created;
}

export async function getView(client: SupportApiClient, id: number, options?: CallOptions): Promise<View> {
  const { view } = await client.request({ method: 'GET', url: `/api/v2/views/${id}` }, viewResponseSchema, options);
  return view;
}

/** GET /api/v2/views/{id}/count (5/min per view per agent; large views are cached, `fresh:false`). */
export async function countView(client: SupportApiClient, id: number, options?: CallOptions): Promise<ViewCount> {
  const { view_count } = await client.request(
    { method: 'GET', url: `/api/v2/views/${id}/count` },
    viewCountResponseSchema,
    options,
  );
  return view_count;
}

/** GET /api/v2/views: the views the current agent can see. */
export function listViews(
  client: SupportApiClient,
  filter: { access?: 'personal' | 'shared' | 'account'; active?: boolean } = {},
  options?: CallOptions,
): Promise<View[]> {
  return listAll(
    client,
    withQuery('/api/v2/views', { access: filter.access, active: filter.active }),
    viewsResponseSchema,
    (page) => page.views,
    options,
  );
}

/** DELETE /api/v2/views/{id} (204): agents only their own personal views. */
export async function deleteView(client: SupportApiClient, id: number, options?: CallOptions): Promise<void> {
  await client.request({ method: 'DELETE', url: `/api/v2/views/${id}` }, z.unknown(), options);
}
