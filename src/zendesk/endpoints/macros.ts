import type { SupportApiClient } from '../client.ts';
import { listAll } from '../pagination.ts';
import { macroApplicationSchema, macrosResponseSchema, type Macro, type MacroApplication } from '../schemas/macros.ts';
import type { CallOptions } from './call-options.ts';

/** GET /api/v2/macros/active: the shared and personal active macros of the current agent. */
export function listActiveMacros(client: SupportApiClient, options?: CallOptions): Promise<Macro[]> {
  return listAll(client, '/api/v2/macros/active', macrosResponseSchema, (page) => page.macros, options);
}

/** GET /api/v2/macros/{id}/apply: the changes the macro makes, to merge into a new ticket. */
export async function applyMacro(
  client: SupportApiClient,
  macroId: number,
  options?: CallOptions,
): Promise<MacroApplication['result']> {
  const { result } = await client.request(
    { method: 'GET', url: `/api/v2/macros/${macroId}/apply` },
    macroApplicationSchema,
    options,
  );
  return result;
}
