import type { CampaignDraft } from '../../domain/campaign/draft.ts';
import {
  createCustomObject,
  createCustomObjectField,
  isZendeskError,
  listCustomObjectFields,
  listCustomObjects,
  listCustomObjectRecords,
  upsertCustomObjectRecord,
  type SupportApiClient,
} from '../../zendesk/index.ts';

/**
 * The agent's draft kept in Zendesk itself, for browsers that refuse the app storage of its own.
 * Zendesk serves an app from another site than the agent's Zendesk page, and a browser that
 * blocks third-party storage (Chrome with third-party cookies blocked, private windows) denies
 * it localStorage. A record of a custom object, one per agent, holds the draft instead.
 */
export const DRAFT_OBJECT = 'proactive_draft';
/** A record holds at most 32 kB (custom objects limits); the draft text stays well under it. */
const MAX_CONTENT_CHARS = 30_000;
const CONTENT_FIELD = 'content';

export type RemoteDraftProblem = 'no_custom_objects' | 'needs_admin' | 'no_access' | 'failed';

export class RemoteDraftUnavailable extends Error {
  override readonly name = 'RemoteDraftUnavailable';
  constructor(
    readonly problem: RemoteDraftProblem,
    options?: { cause?: unknown },
  ) {
    super(`drafts cannot be kept in Zendesk: ${problem}`, options);
  }
}

export interface KeptDraft {
  /** The stored draft as JSON, for readDraft; undefined when there is none. */
  raw: unknown;
  /** The imported customer list was too long for the record and must be imported again. */
  listNotKept: boolean;
}

export interface RemoteDrafts {
  load(): Promise<KeptDraft>;
  save(draft: CampaignDraft): Promise<void>;
}

export function zendeskDrafts(api: SupportApiClient, owner: { userId: number; isAdmin: boolean }): RemoteDrafts {
  const externalId = `agent:${owner.userId}`;
  let ready: Promise<void> | undefined;
  const ensure = () => {
    ready ??= ensureObject(api, owner.isAdmin).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  return {
    async load() {
      await ensure();
      const [record] = await recordCall(() =>
        listCustomObjectRecords(api, DRAFT_OBJECT, { externalIds: [externalId] }),
      );
      const content = record?.custom_object_fields?.[CONTENT_FIELD];
      if (typeof content !== 'string' || content === '') return { raw: undefined, listNotKept: false };
      try {
        const raw = JSON.parse(content) as unknown;
        const listNotKept = typeof raw === 'object' && raw !== null && LIST_NOT_KEPT in raw;
        return { raw, listNotKept };
      } catch {
        return { raw: content, listNotKept: false }; // readDraft reports it as unreadable
      }
    },
    async save(draft) {
      await ensure();
      await recordCall(() =>
        upsertCustomObjectRecord(api, DRAFT_OBJECT, externalId, {
          name: draft.ticket.name.trim() === '' ? `Draft ${owner.userId}` : draft.ticket.name.slice(0, 200),
          custom_object_fields: { [CONTENT_FIELD]: fitted(draft) },
        }),
      );
    },
  };
}

/** A role without access to the object's records (an Enterprise custom role until an admin grants it) says so. */
async function recordCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const problem = isZendeskError(error) && error.kind === 'permission' ? 'no_access' : 'failed';
    throw new RemoteDraftUnavailable(problem, { cause: error });
  }
}

const LIST_NOT_KEPT = 'listNotKept';

/**
 * The draft as stored. A customer list of a few thousand ids does not fit one record: it is left
 * out and the agent told after a reload to import the file again, rather than the whole draft
 * being refused. (The ticket alone never comes near the limit: its fields have their own caps.)
 */
function fitted(draft: CampaignDraft): string {
  const text = JSON.stringify(draft);
  if (text.length <= MAX_CONTENT_CHARS || draft.audience.csv === null) return text;
  return JSON.stringify({ ...draft, audience: { ...draft.audience, csv: null }, [LIST_NOT_KEPT]: true });
}

/**
 * The object and its content field, made by the first admin who opens the app (only admins may
 * create objects). Listing the account's objects, not asking for this one, so that a first visit
 * is not a 404; and the field is checked apart, in case an earlier visit stopped between the two.
 */
async function ensureObject(api: SupportApiClient, isAdmin: boolean): Promise<void> {
  try {
    const objects = await listCustomObjects(api);
    const exists = objects.some((o) => o.key === DRAFT_OBJECT);
    if (exists) {
      const fields = await listCustomObjectFields(api, DRAFT_OBJECT);
      if (fields.some((f) => f.key === CONTENT_FIELD)) return;
    }
    if (!isAdmin) throw new RemoteDraftUnavailable('needs_admin');
    if (!exists) {
      await createCustomObject(api, {
        key: DRAFT_OBJECT,
        title: 'Proactive Campaigns draft',
        title_pluralized: 'Proactive Campaigns drafts',
        description: "Each agent's campaign draft, for browsers that block the app's own storage.",
      });
    }
    await createCustomObjectField(api, DRAFT_OBJECT, { key: CONTENT_FIELD, type: 'textarea', title: 'Draft' });
  } catch (error) {
    if (error instanceof RemoteDraftUnavailable) throw error;
    const problem = isZendeskError(error) && error.kind === 'permission' ? 'no_custom_objects' : 'failed';
    throw new RemoteDraftUnavailable(problem, { cause: error });
  }
}
