import { recordUrl } from '../account.ts';
import { isRecord } from '../body.ts';
import { listParam, type ApiContext } from '../context.ts';
import {
  RECORD_MAX_BYTES,
  type CustomObject,
  type CustomObjectRecord,
  type RecordAction,
} from '../custom-object-model.ts';
import { allFieldValues, readFieldValues } from '../custom-object-values.ts';
import { ok, type Reply } from '../errors.ts';
import { cursorPage } from '../pagination.ts';
import type { Route } from '../router.ts';
import { isoTime } from '../time.ts';
import { isReply, objectError, objectOf, withCustomObjects } from './custom-object-common.ts';

/**
 * Records of a custom object (Custom Object Records). "Allowed For: Agents", but what an agent
 * may do is the object's permissions (custom-object-model.ts recordAccess, the stricter reading).
 */
type RecordHandler = (ctx: ApiContext, object: CustomObject) => Reply;

function guarded(action: RecordAction, handle: RecordHandler): (ctx: ApiContext) => Reply {
  return withCustomObjects((ctx) => {
    const object = objectOf(ctx);
    if (isReply(object)) return object;
    if (!ctx.account.customObjects.may(ctx.actor, action)) {
      return objectError(403, 'Forbidden', `You do not have permission to ${action} records of ${object.key}`);
    }
    return handle(ctx, object);
  });
}

/** A record as answered: every field of its object, null when unset. */
function present(ctx: ApiContext, object: CustomObject, record: CustomObjectRecord): CustomObjectRecord {
  const fields = ctx.account.customObjects.fields(object.key).filter((f) => !f.system);
  return { ...record, custom_object_fields: allFieldValues(fields, record.custom_object_fields) };
}

function recordBody(ctx: ApiContext): Record<string, unknown> | undefined {
  return isRecord(ctx.body) && isRecord(ctx.body.custom_object_record) ? ctx.body.custom_object_record : undefined;
}

const missingBody = () =>
  objectError(400, 'InvalidPayload', 'Send {"custom_object_record": {name, custom_object_fields}}');

/**
 * Writes `raw` onto `record` (a new one when `record` is undefined) after checking it all:
 * name required on create, external_id unique per object ("The external_id must be unique for
 * each custom object record", custom objects API announcement 2024), field values, 32 KB.
 */
function write(
  ctx: ApiContext,
  object: CustomObject,
  raw: Record<string, unknown>,
  record: CustomObjectRecord | undefined,
  externalId?: string,
): CustomObjectRecord | Reply {
  const store = ctx.account.customObjects;
  const name = raw.name === undefined ? record?.name : typeof raw.name === 'string' ? raw.name.trim() : '';
  if (!name) return objectError(422, 'BlankValue', 'Name cannot be blank');
  const wanted = externalId ?? (raw.external_id === undefined ? record?.external_id : raw.external_id);
  if (wanted !== null && wanted !== undefined && typeof wanted !== 'string') {
    return objectError(422, 'InvalidValue', 'external_id must be a string');
  }
  const external = wanted === undefined || wanted === '' ? null : wanted;
  const records = store.records(object.key);
  if (external !== null && records.some((r) => r.external_id === external && r !== record)) {
    return objectError(422, 'DuplicateValue', `External id ${external} has already been taken`);
  }
  const fields = store.fields(object.key).filter((f) => !f.system);
  const { values, problems } = readFieldValues(fields, raw.custom_object_fields, record?.custom_object_fields ?? {});
  if (problems.length > 0) {
    return objectError(422, 'InvalidValue', problems.map((p) => `${p.key} ${p.why}`).join('; '));
  }
  const at = isoTime(ctx.now);
  const by = String(ctx.actor.id);
  const id = record?.id ?? store.nextRecordId(ctx.now);
  const next: CustomObjectRecord = {
    id,
    url: recordUrl(`custom_objects/${object.key}/records/${id}`),
    name,
    external_id: external,
    custom_object_key: object.key,
    custom_object_fields: values,
    created_by_user_id: record?.created_by_user_id ?? by,
    updated_by_user_id: by,
    created_at: record?.created_at ?? at,
    updated_at: at,
  };
  if (new TextEncoder().encode(JSON.stringify(next)).length > RECORD_MAX_BYTES) {
    return objectError(422, 'RecordTooLarge', 'A record can be at most 32 KB');
  }
  if (record) Object.assign(record, next);
  else records.push(next);
  return record ?? next;
}

/** One cursor page, under the documented keys (`count` is "the number of results returned for the current request"). */
function recordsPage(ctx: ApiContext, object: CustomObject, records: readonly CustomObjectRecord[]): Reply {
  const page = cursorPage(ctx, records);
  return ok({
    custom_object_records: page.items.map((r) => present(ctx, object, r)),
    meta: page.meta,
    links: page.links,
    count: page.items.length,
  });
}

type SortKey = (r: CustomObjectRecord) => string;
const SORTS: Record<string, SortKey> = {
  id: (r) => r.id,
  name: (r) => r.name.toLowerCase(),
  created_at: (r) => r.created_at,
  updated_at: (r) => r.updated_at,
};

function sorted(
  records: readonly CustomObjectRecord[],
  sort: string,
  allowed: readonly string[],
): CustomObjectRecord[] | Reply {
  const descending = sort.startsWith('-');
  const key = sort.replace(/^-/, '');
  const by = SORTS[key];
  if (!by || !allowed.includes(key))
    return objectError(400, 'InvalidParameter', `sort must be one of ${allowed.join(', ')}`);
  return [...records].sort((a, b) => {
    const order = by(a) < by(b) ? -1 : by(a) > by(b) ? 1 : a.id < b.id ? -1 : 1;
    return descending ? -order : order;
  });
}

/** List Custom Object Records: cursor only; `filter[ids]`, `filter[external_ids]`, `sort` (id, updated_at, ±). */
const listRecords: RecordHandler = (ctx, object) => {
  const ids = listParam(ctx, 'filter[ids]');
  const externalIds = listParam(ctx, 'filter[external_ids]');
  const records = ctx.account.customObjects
    .records(object.key)
    .filter(
      (r) =>
        (ids.length === 0 || ids.includes(r.id)) &&
        (externalIds.length === 0 || (r.external_id !== null && externalIds.includes(r.external_id))),
    );
  const ordered = sorted(records, ctx.query.get('sort') ?? 'id', ['id', 'updated_at']);
  return isReply(ordered) ? ordered : recordsPage(ctx, object, ordered);
};

/**
 * Search Custom Object Records: "Every record that matches the beginning of any word or number in
 * the query string is returned", over text-based fields (here the name and text, textarea and
 * regexp fields); relevance = words matched; at most 10,000 without `sort`. Results are immediate
 * here, though Zendesk's search may lag writes (unverified). An empty query is refused (stricter).
 */
const searchRecords: RecordHandler = (ctx, object) => {
  const words = (ctx.query.get('query') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return objectError(400, 'InvalidParameter', 'query is required');
  const store = ctx.account.customObjects;
  const textKeys = store
    .fields(object.key)
    .filter((f) => !f.system && ['text', 'textarea', 'regexp'].includes(f.type))
    .map((f) => f.key);
  const scored = store.records(object.key).map((record) => {
    const texts = [record.name, ...textKeys.map((k) => record.custom_object_fields[k])].filter(
      (v) => typeof v === 'string',
    );
    const recordWords = texts
      .join(' ')
      .toLowerCase()
      .split(/[^\p{L}\p{N}_]+/u)
      .filter(Boolean);
    const score = words.filter((w) => recordWords.some((rw) => rw.startsWith(w))).length;
    return { record, score };
  });
  const found = scored.filter((s) => s.score > 0);
  const sort = ctx.query.get('sort');
  if (sort === null) {
    found.sort((a, b) => b.score - a.score || (a.record.id < b.record.id ? -1 : 1));
    return recordsPage(
      ctx,
      object,
      found.slice(0, 10_000).map((s) => s.record),
    );
  }
  const ordered = sorted(
    found.map((s) => s.record),
    sort,
    ['name', 'created_at', 'updated_at'],
  );
  return isReply(ordered) ? ordered : recordsPage(ctx, object, ordered);
};

const findRecord = (ctx: ApiContext, object: CustomObject) =>
  ctx.account.customObjects.records(object.key).find((r) => r.id === ctx.params.record_id);
const notFound = () => objectError(404, 'RecordNotFound', 'Custom object record not found');

function answer(ctx: ApiContext, object: CustomObject, written: CustomObjectRecord | Reply, status: number): Reply {
  if (isReply(written)) return written;
  return { status, body: { custom_object_record: present(ctx, object, written) } };
}

/**
 * Set Custom Object Record by External Id: updates the record with that external id ("Only the
 * specified attributes are updated") or creates one with it; 200 either way, as documented.
 */
function upsertRecord(ctx: ApiContext): Reply {
  const externalId = ctx.query.get('external_id');
  if (!externalId) return objectError(400, 'InvalidParameter', 'external_id is required');
  const object = objectOf(ctx);
  if (isReply(object)) return object;
  const existing = ctx.account.customObjects.records(object.key).find((r) => r.external_id === externalId);
  return guarded(existing ? 'update' : 'create', (c, o) => {
    const raw = recordBody(c);
    return raw ? answer(c, o, write(c, o, raw, existing, externalId), 200) : missingBody();
  })(ctx);
}

export const customObjectRecordRoutes: Route[] = [
  { method: 'GET', pattern: 'custom_objects/:key/records', handle: guarded('view', listRecords) },
  {
    method: 'POST',
    pattern: 'custom_objects/:key/records',
    handle: guarded('create', (ctx, object) => {
      const raw = recordBody(ctx);
      if (!raw) return missingBody();
      const written = write(ctx, object, raw, undefined);
      if (isReply(written)) return written;
      return { ...answer(ctx, object, written, 201), headers: { location: written.url } };
    }),
  },
  { method: 'PATCH', pattern: 'custom_objects/:key/records', handle: withCustomObjects(upsertRecord) },
  { method: 'GET', pattern: 'custom_objects/:key/records/search', handle: guarded('view', searchRecords) },
  {
    method: 'GET',
    pattern: 'custom_objects/:key/records/:record_id',
    handle: guarded('view', (ctx, object) => {
      const record = findRecord(ctx, object);
      return record ? answer(ctx, object, record, 200) : notFound();
    }),
  },
  {
    method: 'PATCH',
    pattern: 'custom_objects/:key/records/:record_id',
    handle: guarded('update', (ctx, object) => {
      const record = findRecord(ctx, object);
      if (!record) return notFound();
      const raw = recordBody(ctx);
      return raw ? answer(ctx, object, write(ctx, object, raw, record), 200) : missingBody();
    }),
  },
];
