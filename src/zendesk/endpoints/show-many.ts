import type { z } from 'zod';
import type { SupportApiClient } from '../client.ts';
import { withQuery } from '../pagination.ts';
import { chunks, type CallOptions } from './call-options.ts';

/** Zendesk's show_many endpoints take at most 100 ids per request. */
export const SHOW_MANY_LIMIT = 100;

/**
 * GET `<path>?ids=…` for any number of ids: split into requests of 100, sent through the
 * scheduler together, results flattened in the order of the ids' chunks.
 */
export async function showManyInChunks<S extends z.ZodType, Id extends string | number, T>(
  client: SupportApiClient,
  path: string,
  ids: readonly Id[],
  schema: S,
  pick: (page: z.infer<S>) => T[],
  options?: CallOptions & { param?: 'ids' | 'external_ids' },
): Promise<T[]> {
  const param = options?.param ?? 'ids';
  const pages = await Promise.all(
    chunks(ids, SHOW_MANY_LIMIT).map((chunk) =>
      client.request(
        { method: 'GET', url: withQuery(path, { [param]: chunk.map(String).join(',') }) },
        schema,
        options?.signal ? { signal: options.signal } : {},
      ),
    ),
  );
  return pages.flatMap(pick);
}
