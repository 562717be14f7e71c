import { showManyOrganizations, type Organization, type SupportApiClient } from '../../zendesk/index.ts';

/**
 * Organization records by id, fetched 100 at a time and kept for the session: the preview, the
 * placeholder report and the send plan ask for the same organizations again and again.
 */
export class OrganizationDirectory {
  private readonly known = new Map<number, Organization | null>();

  constructor(private readonly api: SupportApiClient) {}

  /** Adds records the app already holds (e.g. the audience's matched organizations). */
  remember(organizations: Iterable<Organization>): void {
    for (const organization of organizations) this.known.set(organization.id, organization);
  }

  get(id: number | null): Organization | null {
    return id === null ? null : (this.known.get(id) ?? null);
  }

  async ensure(ids: Iterable<number | null>, options: { signal?: AbortSignal } = {}): Promise<void> {
    const missing = [...new Set([...ids].filter((id): id is number => id !== null && !this.known.has(id)))];
    if (missing.length === 0) return;
    const found = await showManyOrganizations(this.api, missing, options);
    for (const organization of found) this.known.set(organization.id, organization);
    // Deleted or hidden from this agent: remembered as absent, so it is not asked again.
    for (const id of missing) if (!this.known.has(id)) this.known.set(id, null);
  }
}
