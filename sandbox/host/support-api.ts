import type { RoleChoice } from './config.ts';

/**
 * The host's own calls to the simulated Support API, as the signed-in agent. The sandbox server
 * proxies /api/v2 on the host's origin, as Zendesk serves its API next to the agent UI.
 */
export interface SandboxUser {
  id: number;
  name: string;
  email: string;
  role: string;
  custom_role_id?: number | null;
  time_zone?: string | null;
  iana_time_zone?: string | null;
}

export function basicAuth(email: string): string {
  // Zendesk API-token auth is `email/token:<token>`; the simulator reads the email to pick the user.
  return `Basic ${btoa(`${email}/token:sandbox`)}`;
}

export async function getJson(url: string, actingEmail?: string): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (actingEmail) headers.authorization = basicAuth(actingEmail);
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.json();
}

/** One staff member per role the top bar offers, found through the API like any Zendesk client would. */
export async function findStaff(): Promise<Partial<Record<RoleChoice, SandboxUser>>> {
  const body = (await getJson('/api/v2/users?role[]=admin&role[]=agent&per_page=100')) as { users?: SandboxUser[] };
  const staff = body.users ?? [];
  return {
    admin: staff.find((user) => user.role === 'admin'),
    agent: staff.find((user) => user.role === 'agent' && !user.custom_role_id),
    custom: staff.find((user) => user.role === 'agent' && Boolean(user.custom_role_id)),
  };
}

/** `client.get('currentUser')` as ZAF shapes it: camelCase, and a custom role's id in place of 'agent'. */
export function toZafCurrentUser(user: SandboxUser, locale: string): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.custom_role_id ? user.custom_role_id : user.role,
    locale,
    timeZone: { name: user.time_zone ?? 'UTC', ianaName: user.iana_time_zone ?? 'Etc/UTC' },
    groups: [],
    organizations: [],
  };
}
