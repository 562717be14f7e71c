/** A JSON object (not null, not an array): the shape every Zendesk request wrapper must have. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
