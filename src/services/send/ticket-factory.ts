import type { CampaignTemplate } from '../../domain/compose/campaign-template.ts';
import { campaignTicket, type TicketIdentity } from '../../domain/compose/campaign-ticket.ts';
import type { TicketDraft } from '../../domain/campaign/draft.ts';
import { showManyUsers, type NewTicket, type SupportApiClient, type User } from '../../zendesk/index.ts';
import type { OrganizationDirectory } from '../compose/organization-directory.ts';

export type PreparedTicket = { userId: number; ticket: NewTicket } | { userId: number; missing: true };

/**
 * The create_many items of a batch, rendered just before they are sent (10,000 rendered tickets
 * are never held at once). Customers fetched for the audience are reused; after a reload they are
 * fetched again, 100 a request, and organizations only if the text uses them.
 */
export class TicketFactory {
  private readonly users = new Map<number, User>();
  private readonly needsOrganizations: boolean;

  constructor(
    private readonly api: SupportApiClient,
    private readonly draft: TicketDraft,
    private readonly template: CampaignTemplate,
    private readonly identity: TicketIdentity,
    private readonly organizations: OrganizationDirectory,
    known: Iterable<User> = [],
  ) {
    for (const user of known) this.users.set(user.id, user);
    this.needsOrganizations = template.uses.some((u) => u.path.startsWith('organization.'));
  }

  /** A customer the factory holds (for names in the results). */
  user(id: number): User | undefined {
    return this.users.get(id);
  }

  async prepare(userIds: readonly number[], options: { signal?: AbortSignal } = {}): Promise<PreparedTicket[]> {
    const missing = userIds.filter((id) => !this.users.has(id));
    if (missing.length > 0)
      for (const user of await showManyUsers(this.api, missing, options)) this.users.set(user.id, user);
    if (this.needsOrganizations) {
      await this.organizations.ensure(
        userIds.map((id) => this.users.get(id)?.organization_id ?? null),
        options,
      );
    }
    return userIds.map((userId): PreparedTicket => {
      const user = this.users.get(userId);
      // Deleted (or suspended) since the audience was built: no ticket for someone who cannot get it.
      if (!user || user.suspended || user.active === false) return { userId, missing: true };
      const organization = this.organizations.get(user.organization_id);
      const rendered = this.template.render(user, organization);
      return { userId, ticket: campaignTicket(this.draft, rendered, userId, this.identity) };
    });
  }
}
