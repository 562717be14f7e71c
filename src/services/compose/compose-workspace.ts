import {
  getAccountSettings,
  listActiveMacros,
  listCustomStatuses,
  listGroupMemberships,
  listGroups,
  userPages,
  type CustomStatus,
  type Group,
  type GroupMembership,
  type Macro,
  type SupportApiClient,
  type User,
} from '../../zendesk/index.ts';

/** What the ticket form offers: groups, their agents, statuses, macros. Loaded once per session. */
export interface ComposeWorkspace {
  groups: Group[];
  memberships: GroupMembership[];
  agents: User[];
  /** Active custom statuses when the account uses them (the app we replace fails on these); else empty. */
  customStatuses: CustomStatus[];
  macros: Macro[];
}

export async function loadComposeWorkspace(
  api: SupportApiClient,
  options: { signal?: AbortSignal } = {},
): Promise<ComposeWorkspace> {
  const agentsTask = (async () => {
    const agents: User[] = [];
    for await (const page of userPages(api, { roles: ['agent', 'admin'] }, options)) agents.push(...page);
    return agents;
  })();
  const [groups, memberships, agents, settings, macros] = await Promise.all([
    listGroups(api, { assignable: true }, options),
    listGroupMemberships(api, { assignable: true }, options),
    agentsTask,
    getAccountSettings(api, options),
    listActiveMacros(api, options),
  ]);
  const customStatuses =
    settings.tickets?.custom_statuses_enabled === true
      ? (await listCustomStatuses(api, options)).filter((s) => s.active)
      : [];
  return { groups: groups.filter((g) => g.deleted !== true), memberships, agents, customStatuses, macros };
}

/** The agents a ticket of this group can be assigned to. */
export function groupAgents(workspace: ComposeWorkspace, groupId: number | null): User[] {
  if (groupId === null) return workspace.agents;
  const members = new Set(workspace.memberships.filter((m) => m.group_id === groupId).map((m) => m.user_id));
  return workspace.agents.filter((a) => members.has(a.id));
}
