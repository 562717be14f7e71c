/** Options every endpoint function accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Splits ids into Zendesk's per-request maximum (100 for show_many and create_many). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
