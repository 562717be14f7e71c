import { recordUrl } from '../account.ts';
import { isRecord } from '../body.ts';
import type { ApiContext } from '../context.ts';
import {
  FIELD_LIMIT,
  OBJECT_LIMITS,
  type CustomObject,
  type CustomObjectField,
  type CustomObjectFieldType,
} from '../custom-object-model.ts';
import { ok, type Reply } from '../errors.ts';
import { paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';
import { isoTime } from '../time.ts';
import { isReply, objectError, objectOf, withCustomObjects } from './custom-object-common.ts';

/** Object keys: lower-case letters, digits and underscores, starting with a letter (unverified, stricter). */
const OBJECT_KEY = /^[a-z][a-z0-9_]{0,63}$/;
/** Field keys: letters, digits and underscores, not all digits, as user and organization field keys (DOC-UF). */
const FIELD_KEY = /^(?!\d+$)[A-Za-z0-9_]+$/;
const FIELD_TYPES: readonly CustomObjectFieldType[] = [
  'text',
  'textarea',
  'checkbox',
  'date',
  'integer',
  'decimal',
  'regexp',
  'dropdown',
  'multiselect',
  'lookup',
];

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

function createObject(ctx: ApiContext): Reply {
  const raw = isRecord(ctx.body) && isRecord(ctx.body.custom_object) ? ctx.body.custom_object : undefined;
  if (!raw) return objectError(400, 'InvalidPayload', 'Send {"custom_object": {key, title, title_pluralized}}');
  const key = text(raw.key);
  const title = text(raw.title);
  const plural = text(raw.title_pluralized);
  const store = ctx.account.customObjects;
  if (!OBJECT_KEY.test(key)) return objectError(422, 'InvalidKey', 'Key must be lower-case letters, digits and _');
  if (store.object(key)) return objectError(422, 'DuplicateKey', `Key ${key} has already been taken`);
  if (title === '') return objectError(422, 'BlankValue', 'Title cannot be blank');
  if (plural === '') return objectError(422, 'BlankValue', 'Title pluralized cannot be blank');
  const limit = OBJECT_LIMITS[ctx.account.plan];
  if (store.objects.length >= limit) {
    return objectError(422, 'LimitExceeded', `This plan allows at most ${limit} custom objects`);
  }
  const at = isoTime(ctx.now);
  const description = typeof raw.description === 'string' ? raw.description : '';
  const by = String(ctx.actor.id);
  const object: CustomObject = {
    key,
    url: recordUrl(`custom_objects/${key}`),
    title,
    raw_title: title,
    title_pluralized: plural,
    raw_title_pluralized: plural,
    description,
    raw_description: description,
    created_by_user_id: by,
    updated_by_user_id: by,
    created_at: at,
    updated_at: at,
  };
  store.addObject(object);
  // "Some fields, such as name and external id, are predefined and required for every object";
  // their keys begin with standard:: (Custom Object Fields).
  for (const [fieldKey, fieldTitle] of [
    ['standard::name', 'Name'],
    ['standard::external_id', 'External id'],
  ] as const) {
    store.fields(key).push(newField(ctx, key, { key: fieldKey, type: 'text', title: fieldTitle, system: true }));
  }
  return { status: 201, body: { custom_object: object }, headers: { location: `${object.url}` } };
}

function newField(
  ctx: ApiContext,
  objectKey: string,
  spec: Pick<CustomObjectField, 'key' | 'type' | 'title'> & Partial<CustomObjectField>,
): CustomObjectField {
  const id = ctx.account.customObjects.nextFieldId();
  const at = isoTime(ctx.now);
  const description = spec.description ?? '';
  return {
    id,
    url: recordUrl(`custom_objects/${objectKey}/fields/${id}`),
    raw_title: spec.title,
    description,
    raw_description: description,
    position: ctx.account.customObjects.fields(objectKey).length,
    active: true,
    system: false,
    regexp_for_validation: null,
    created_at: at,
    updated_at: at,
    ...spec,
  };
}

/** What each field type needs besides key and title (Create Custom Object Field). */
function fieldExtras(ctx: ApiContext, type: CustomObjectFieldType, raw: Record<string, unknown>, key: string) {
  if (type === 'dropdown' || type === 'multiselect') {
    const options = Array.isArray(raw.custom_field_options) ? raw.custom_field_options : [];
    const read = options.map((o) => (isRecord(o) ? { name: text(o.name), value: text(o.value) } : undefined));
    const values = read.map((o) => o?.value);
    if (
      read.length === 0 ||
      read.some((o) => !o || o.name === '' || o.value === '') ||
      new Set(values).size !== values.length
    ) {
      return `A ${type} field needs options, each with a name and a unique value`;
    }
    const store = ctx.account.customObjects;
    return {
      custom_field_options: read.map((o, position) => ({
        id: store.nextFieldId(),
        name: o?.name ?? '',
        raw_name: o?.name ?? '',
        value: o?.value ?? '',
        position,
      })),
    };
  }
  if (type === 'regexp') {
    const pattern = text(raw.regexp_for_validation);
    try {
      if (pattern === '') throw new Error('blank');
      new RegExp(pattern);
    } catch {
      return 'A regexp field needs a valid regexp_for_validation';
    }
    return { regexp_for_validation: pattern };
  }
  if (type === 'lookup') {
    const target = text(raw.relationship_target_type);
    const objectTarget = /^zen:custom_object:(.+)$/.exec(target)?.[1];
    const known = ['zen:user', 'zen:ticket', 'zen:organization'].includes(target);
    if (!known && !(objectTarget && ctx.account.customObjects.object(objectTarget))) {
      return 'A lookup field needs relationship_target_type zen:user, zen:ticket, zen:organization or zen:custom_object:<key>';
    }
    return { relationship_target_type: target };
  }
  if (type === 'checkbox') return { tag: text(raw.tag) || key };
  return {};
}

function createField(ctx: ApiContext): Reply {
  const object = objectOf(ctx);
  if (isReply(object)) return object;
  const raw = isRecord(ctx.body) && isRecord(ctx.body.custom_object_field) ? ctx.body.custom_object_field : undefined;
  if (!raw) return objectError(400, 'InvalidPayload', 'Send {"custom_object_field": {key, type, title}}');
  const key = text(raw.key);
  const title = text(raw.title);
  const type = raw.type === undefined ? 'text' : FIELD_TYPES.find((t) => t === raw.type);
  const fields = ctx.account.customObjects.fields(object.key);
  if (!FIELD_KEY.test(key)) return objectError(422, 'InvalidKey', 'Key must be letters, digits and _, not all digits');
  if (fields.some((f) => f.key === key)) return objectError(422, 'DuplicateKey', `Key ${key} has already been taken`);
  if (title === '') return objectError(422, 'BlankValue', 'Title cannot be blank');
  if (!type) return objectError(422, 'InvalidValue', `Type must be one of ${FIELD_TYPES.join(', ')}`);
  if (fields.filter((f) => !f.system).length >= FIELD_LIMIT) {
    return objectError(422, 'LimitExceeded', `An object can have at most ${FIELD_LIMIT} fields`);
  }
  const extras = fieldExtras(ctx, type, raw, key);
  if (typeof extras === 'string') return objectError(422, 'InvalidValue', extras);
  const description = typeof raw.description === 'string' ? raw.description : '';
  const field = newField(ctx, object.key, { key, type, title, description, active: raw.active !== false, ...extras });
  fields.push(field);
  return { status: 201, body: { custom_object_field: field }, headers: { location: field.url } };
}

export const customObjectRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'custom_objects',
    handle: withCustomObjects((ctx) => ok({ custom_objects: ctx.account.customObjects.objects })),
  },
  // Creating objects and their fields is for admins (Allowed For: Admins).
  { method: 'POST', pattern: 'custom_objects', access: 'admin', handle: withCustomObjects(createObject) },
  {
    method: 'GET',
    pattern: 'custom_objects/:key',
    handle: withCustomObjects((ctx) => {
      const object = objectOf(ctx);
      return isReply(object) ? object : ok({ custom_object: object });
    }),
  },
  {
    method: 'GET',
    pattern: 'custom_objects/:key/fields',
    // Standard fields only with include_standard_fields=true (Custom Object Fields).
    handle: withCustomObjects((ctx) => {
      const object = objectOf(ctx);
      if (isReply(object)) return object;
      const withStandard = ctx.query.get('include_standard_fields') === 'true';
      const fields = ctx.account.customObjects.fields(object.key).filter((f) => withStandard || !f.system);
      return paginatedList(ctx, fields, 'custom_object_fields');
    }),
  },
  {
    method: 'POST',
    pattern: 'custom_objects/:key/fields',
    access: 'admin',
    handle: withCustomObjects(createField),
  },
];
