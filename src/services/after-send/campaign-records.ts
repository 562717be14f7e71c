import {
  CAMPAIGN_OBJECT,
  CAMPAIGN_RECORD_FIELDS,
  readCampaignRecord,
  recordFieldValues,
  type CampaignRecord,
} from '../../domain/after-send/campaign-record.ts';
import {
  createCustomObject,
  createCustomObjectField,
  listCustomObjects,
  isZendeskError,
  listCustomObjectFields,
  listCustomObjectRecords,
  upsertCustomObjectRecord,
  type SupportApiClient,
} from '../../zendesk/index.ts';

/**
 * Why campaigns cannot be kept as records here: the account has no custom objects (plan or
 * setting: 403), no admin has opened the app since it was installed (the object is missing and
 * only admins create objects), the agent's role may not touch records (custom roles start with
 * no access), the plan's object limit is reached, or something else failed.
 */
export type RecordsUnavailable = 'not_enabled' | 'not_set_up' | 'no_permission' | 'limit' | 'failed';

export type RecordsAvailability =
  { kind: 'ready'; fields: ReadonlySet<string> } | { kind: 'unavailable'; reason: RecordsUnavailable; error?: unknown };

const KEY = CAMPAIGN_OBJECT.key;
const PROBE = '__proactive_campaigns_probe__';

/**
 * The campaign records of the account (custom object `proactive_campaign`). An admin's first use
 * creates the object and its fields; everyone else uses what is there. Nothing here is needed
 * for sending or for the history, which find campaigns by their tickets: records only add what
 * tickets cannot tell, so every failure becomes "unavailable" with a reason, never an error.
 */
export class CampaignRecords {
  private availability: Promise<RecordsAvailability> | null = null;
  /** The last write of each campaign, which the next one waits for. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly api: SupportApiClient,
    private readonly isAdmin: boolean,
  ) {}

  /** Checked once per session; a failure for an unexpected reason is tried again next time. */
  prepare(): Promise<RecordsAvailability> {
    if (!this.availability) {
      const attempt = this.check();
      this.availability = attempt;
      void attempt.then((a) => {
        if (a.kind === 'unavailable' && a.reason === 'failed' && this.availability === attempt)
          this.availability = null;
      });
    }
    return this.availability;
  }

  async list(): Promise<{ availability: RecordsAvailability; records: CampaignRecord[] }> {
    const availability = await this.prepare();
    if (availability.kind !== 'ready') return { availability, records: [] };
    try {
      const raw = await listCustomObjectRecords(this.api, KEY);
      return { availability, records: raw.flatMap((r) => readCampaignRecord(r) ?? []) };
    } catch (error) {
      return { availability: unavailable(error), records: [] };
    }
  }

  /**
   * Reads the campaign's record, lets `change` compute the new one, writes it back. Writes for
   * one campaign are queued, so a wave's first ticket and its end never overwrite each other.
   */
  update(tag: string, change: (existing: CampaignRecord | null) => CampaignRecord): Promise<RecordsAvailability> {
    const previous = this.queues.get(tag) ?? Promise.resolve();
    const next = previous.then(() => this.write(tag, change));
    this.queues.set(
      tag,
      next.then(
        () => undefined,
        () => undefined,
      ),
    );
    return next;
  }

  private async write(
    tag: string,
    change: (existing: CampaignRecord | null) => CampaignRecord,
  ): Promise<RecordsAvailability> {
    const availability = await this.prepare();
    if (availability.kind !== 'ready') return availability;
    try {
      const [raw] = await listCustomObjectRecords(this.api, KEY, { externalIds: [tag] });
      const record = change(raw ? readCampaignRecord(raw) : null);
      await upsertCustomObjectRecord(this.api, KEY, tag, {
        name: record.name,
        custom_object_fields: recordFieldValues(record, availability.fields),
      });
      return availability;
    } catch (error) {
      return unavailable(error);
    }
  }

  private async check(): Promise<RecordsAvailability> {
    try {
      // Listing the account's objects, not asking for this one: a first visit is no 404 in the console.
      let objects;
      try {
        objects = await listCustomObjects(this.api);
      } catch (error) {
        // Reading objects is open to every agent: a 403 here means the account has no custom objects.
        if (isZendeskError(error) && error.kind === 'permission') return unavailable(error, 'not_enabled');
        throw error;
      }
      if (!objects.some((o) => o.key === KEY)) {
        if (!this.isAdmin) return { kind: 'unavailable', reason: 'not_set_up' };
        await createCustomObject(this.api, { ...CAMPAIGN_OBJECT });
      }
      const fields = new Set((await listCustomObjectFields(this.api, KEY)).map((f) => f.key));
      if (this.isAdmin) {
        // A field added in a later version of the app, or one an earlier attempt did not finish.
        for (const field of CAMPAIGN_RECORD_FIELDS.filter((f) => !fields.has(f.key))) {
          await createCustomObjectField(this.api, KEY, { key: field.key, type: field.type, title: field.title });
          fields.add(field.key);
        }
      }
      // Custom roles start without any access to records: find out now, not at the first write.
      await listCustomObjectRecords(this.api, KEY, { externalIds: [PROBE] });
      return { kind: 'ready', fields };
    } catch (error) {
      return unavailable(error);
    }
  }
}

function unavailable(error: unknown, permissionMeans: RecordsUnavailable = 'no_permission'): RecordsAvailability {
  if (isZendeskError(error)) {
    if (error.kind === 'permission') return { kind: 'unavailable', reason: permissionMeans, error };
    if (error.code === 'LimitExceeded') return { kind: 'unavailable', reason: 'limit', error };
  }
  return { kind: 'unavailable', reason: 'failed', error };
}
