import { z } from 'zod';

/**
 * Who is using the app, from `client.get('currentUser')`. ZAF reports `role` as 'admin',
 * 'agent' or 'end-user', or — for an agent in a custom role (Enterprise) — the custom role's
 * numeric id, sometimes as a string.
 */
export type AgentRole =
  { kind: 'admin' } | { kind: 'agent' } | { kind: 'custom'; customRoleId: number } | { kind: 'end-user' };

const roleSchema = z.union([z.string(), z.number()]).transform((role, ctx): AgentRole => {
  if (role === 'admin' || role === 'agent' || role === 'end-user') return { kind: role };
  const id = typeof role === 'number' ? role : /^\d+$/.test(role) ? Number(role) : NaN;
  if (Number.isInteger(id) && id > 0) return { kind: 'custom', customRoleId: id };
  ctx.addIssue({ code: 'custom', message: `unknown role ${JSON.stringify(role)}` });
  return z.NEVER;
});

const currentUserSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  email: z.string().nullish(),
  role: roleSchema,
  locale: z.string().nullish(),
  timeZone: z
    .looseObject({
      name: z.string().nullish(),
      ianaName: z.string().nullish(),
      offset: z.number().nullish(),
    })
    .nullish(),
});

export interface CurrentUser {
  id: number;
  name: string;
  email: string | null;
  role: AgentRole;
  /** Zendesk's locale tag as given, e.g. `en-US`, `ko`, `ja`. */
  locale: string;
  /** IANA name when Zendesk gives one, else Zendesk's own time zone name. */
  timeZone: string | null;
}

export function parseCurrentUser(raw: unknown): CurrentUser {
  const parsed = currentUserSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown shape';
    throw new Error(`ZAF currentUser is not in the expected shape (${where})`);
  }
  const user = parsed.data;
  return {
    id: user.id,
    name: user.name,
    email: user.email ?? null,
    role: user.role,
    locale: user.locale ?? 'en-US',
    timeZone: user.timeZone?.ianaName ?? user.timeZone?.name ?? null,
  };
}

/** Admin-only parts of the app (trigger creation, shared views) check this; custom roles are agents. */
export function isAdmin(role: AgentRole): boolean {
  return role.kind === 'admin';
}
