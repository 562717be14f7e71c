import type { CustomField, CustomFieldOption, FieldValue, Plan, ZendeskUser } from './types.ts';

/**
 * Custom objects as the current API keeps them (developer.zendesk.com custom-data/custom-objects;
 * shapes from the OpenAPI spec: CustomObject, CustomObjectField, CustomObjectRecord). Record ids
 * are ULID-like strings ("01GDXYEY1FQYN066VHF49YHJ21"), object keys are the object's address.
 */
export interface CustomObject {
  key: string;
  url: string;
  title: string;
  raw_title: string;
  title_pluralized: string;
  raw_title_pluralized: string;
  description: string;
  raw_description: string;
  created_by_user_id: string;
  updated_by_user_id: string;
  created_at: string;
  updated_at: string;
}

export type CustomObjectFieldType =
  'text' | 'textarea' | 'checkbox' | 'date' | 'integer' | 'decimal' | 'regexp' | 'dropdown' | 'multiselect' | 'lookup';

export type CustomObjectFieldOption = CustomFieldOption & { position: number };

/** A custom object field is a custom field (as user fields are) with lookups and object options. */
export type CustomObjectField = Omit<CustomField, 'type' | 'tag' | 'custom_field_options'> & {
  type: CustomObjectFieldType;
  custom_field_options?: CustomObjectFieldOption[];
  relationship_target_type?: string;
  /** Checkbox fields only: the spec types it a (non-null) string. */
  tag?: string;
};

export interface CustomObjectRecord {
  id: string;
  url: string;
  name: string;
  external_id: string | null;
  custom_object_key: string;
  custom_object_fields: Record<string, FieldValue>;
  created_by_user_id: string;
  updated_by_user_id: string;
  created_at: string;
  updated_at: string;
}

export type RecordAction = 'view' | 'create' | 'update' | 'delete';

/**
 * Objects per plan, from the Custom Objects API introduction's table (Suite Team 3, Growth 5,
 * Professional 30, Enterprise 50); High Volume as Enterprise and Essential as Team are (unverified).
 */
export const OBJECT_LIMITS: Record<Plan, number> = {
  essential: 3,
  team: 3,
  growth: 5,
  professional: 30,
  enterprise: 50,
  high_volume: 50,
};
/** "Fields per object: 100" on every plan (same table). */
export const FIELD_LIMIT = 100;
/** "Each record has a maximum size of 32 KB" (Custom Object Records). */
export const RECORD_MAX_BYTES = 32 * 1024;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(value: number, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = (CROCKFORD[rest % 32] ?? '0') + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/** The custom objects of one account, their fields and records, and who may touch records. */
export class CustomObjectStore {
  /**
   * Whether the account has custom objects. Plans without them: the introduction says "Support
   * Enterprise plans and Zendesk Suite Team plans and above", so not Essential.
   */
  enabled = true;
  readonly objects: CustomObject[] = [];
  private readonly fieldsByKey = new Map<string, CustomObjectField[]>();
  private readonly recordsByKey = new Map<string, CustomObjectRecord[]>();
  private fieldSeq = 0;
  private recordSeq = 0;

  /**
   * Record permissions by role, the stricter reading of "Configuring access to custom object
   * records" (all (unverified)): on plans without custom roles access is "pre-defined for each
   * system role", taken here as admins everything and agents view/add/edit but not delete; an
   * agent in an Enterprise custom role has no access until an admin grants it on the Roles page.
   * Tests may change this policy.
   */
  readonly recordAccess: Record<'admin' | 'agent' | 'custom_role', Set<RecordAction>> = {
    admin: new Set(['view', 'create', 'update', 'delete']),
    agent: new Set(['view', 'create', 'update']),
    custom_role: new Set(),
  };

  may(user: ZendeskUser, action: RecordAction): boolean {
    if (user.role === 'end-user') return false;
    const role = user.role === 'admin' ? 'admin' : user.custom_role_id === null ? 'agent' : 'custom_role';
    return this.recordAccess[role].has(action);
  }

  object(key: string): CustomObject | undefined {
    return this.objects.find((o) => o.key === key);
  }

  addObject(object: CustomObject): void {
    this.objects.push(object);
    this.fieldsByKey.set(object.key, []);
    this.recordsByKey.set(object.key, []);
  }

  fields(key: string): CustomObjectField[] {
    return this.fieldsByKey.get(key) ?? [];
  }

  records(key: string): CustomObjectRecord[] {
    return this.recordsByKey.get(key) ?? [];
  }

  nextFieldId(): number {
    return 366_000_000_000 + ++this.fieldSeq;
  }

  /** ULID-shaped: 10 characters of time, 16 of sequence, so ids sort by creation. */
  nextRecordId(now: number): string {
    return base32(now, 10) + base32(++this.recordSeq, 16);
  }
}
