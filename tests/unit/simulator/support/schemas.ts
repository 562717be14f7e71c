/**
 * Contract schemas for the simulator's responses, written from support-api.md independently of
 * the app's own schemas (src/zendesk/schemas), so a fidelity test can compare the two.
 */
import { z } from 'zod';

const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

export const userSchema = z.object({
  id: z.number().int().positive(),
  url: z.string().url(),
  name: z.string().min(1),
  email: z.string().email().nullable(),
  role: z.enum(['end-user', 'agent', 'admin']),
  role_type: z.number().int().nullable(),
  custom_role_id: z.number().int().nullable(),
  organization_id: z.number().int().nullable(),
  tags: z.array(z.string()),
  user_fields: z.record(z.string(), fieldValue),
  locale: z.string(),
  locale_id: z.number().int(),
  time_zone: z.string(),
  iana_time_zone: z.string(),
  suspended: z.boolean(),
  active: z.boolean(),
  verified: z.boolean(),
  external_id: z.string().nullable(),
  created_at: iso,
  updated_at: iso,
});

export const organizationSchema = z.object({
  id: z.number().int().positive(),
  url: z.string().url(),
  name: z.string().min(1),
  external_id: z.string().nullable(),
  domain_names: z.array(z.string()),
  tags: z.array(z.string()),
  organization_fields: z.record(z.string(), fieldValue),
  group_id: z.number().nullable(),
  created_at: iso,
  updated_at: iso,
});

export const customFieldSchema = z.object({
  id: z.number().int(),
  url: z.string().url(),
  key: z.string().regex(/^[a-z0-9_]+$/),
  type: z.enum(['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'dropdown', 'multiselect']),
  title: z.string(),
  raw_title: z.string(),
  active: z.boolean(),
  position: z.number().int(),
  system: z.boolean(),
  custom_field_options: z.array(z.object({ id: z.number(), name: z.string(), value: z.string() })).optional(),
});

export const ticketSchema = z.object({
  id: z.number().int().positive(),
  url: z.string().url(),
  external_id: z.string().nullable(),
  subject: z.string(),
  description: z.string(),
  status: z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']),
  priority: z.enum(['urgent', 'high', 'normal', 'low']).nullable(),
  type: z.enum(['problem', 'incident', 'question', 'task']).nullable(),
  requester_id: z.number(),
  submitter_id: z.number(),
  assignee_id: z.number().nullable(),
  organization_id: z.number().nullable(),
  group_id: z.number().nullable(),
  tags: z.array(z.string()),
  is_public: z.boolean(),
  custom_status_id: z.number(),
  via: z.object({ channel: z.string() }),
  created_at: iso,
  updated_at: iso,
});

export const jobStatusSchema = z.object({
  id: z.string().min(1),
  url: z.string().url(),
  job_type: z.string(),
  total: z.number().int(),
  progress: z.number().int().nullable(),
  status: z.enum(['queued', 'working', 'completed', 'failed']),
  message: z.string().nullable(),
  results: z
    .array(
      z.union([
        z.object({ index: z.number().int(), id: z.number().int() }).strict(),
        z.object({ index: z.number().int(), error: z.literal('TicketCreateFailed'), details: z.string() }).strict(),
        z.object({ id: z.number().int(), action: z.literal('update'), status: z.string(), success: z.boolean() }),
      ]),
    )
    .nullable(),
});

const condition = z.object({ field: z.string(), operator: z.string(), value: z.unknown() });
export const viewSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  active: z.boolean(),
  restriction: z
    .object({ type: z.enum(['User', 'Group']), id: z.number().optional(), ids: z.array(z.number()).optional() })
    .nullable(),
  conditions: z.object({ all: z.array(condition), any: z.array(condition) }),
  execution: z.object({
    columns: z.array(z.object({ id: z.string(), title: z.string() })),
    sort_by: z.string(),
    sort_order: z.enum(['asc', 'desc']),
  }),
  created_at: iso,
});

export const triggerSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  active: z.boolean(),
  position: z.number(),
  category_id: z.string(),
  conditions: z.object({ all: z.array(condition), any: z.array(condition) }),
  actions: z.array(z.object({ field: z.string(), value: z.unknown() })),
});

export const triggerCategorySchema = z.object({ id: z.string(), name: z.string(), position: z.number() });
export const groupSchema = z.object({ id: z.number(), name: z.string(), default: z.boolean(), deleted: z.boolean() });
export const groupMembershipSchema = z.object({
  id: z.number(),
  user_id: z.number(),
  group_id: z.number(),
  default: z.boolean(),
});
export const organizationMembershipSchema = z.object({
  id: z.number(),
  user_id: z.number(),
  organization_id: z.number(),
  default: z.boolean().nullable(),
});
export const macroSchema = z.object({
  id: z.number(),
  title: z.string(),
  active: z.boolean(),
  actions: z.array(z.object({ field: z.string(), value: z.unknown() })),
});
export const customStatusSchema = z.object({
  id: z.number(),
  status_category: z.enum(['new', 'open', 'pending', 'hold', 'solved']),
  agent_label: z.string(),
  active: z.boolean(),
  default: z.boolean(),
});

export const cursorMetaSchema = z.object({
  meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullable(), before_cursor: z.string().nullable() }),
  links: z.object({ next: z.string().url().nullable(), prev: z.string().url().nullable() }),
});
export const offsetMetaSchema = z.object({
  next_page: z.string().url().nullable(),
  previous_page: z.string().url().nullable(),
  count: z.number().int(),
});

export const errorSchema = z.object({ error: z.string(), description: z.string() });
export const recordInvalidSchema = z.object({
  error: z.literal('RecordInvalid'),
  description: z.string(),
  details: z.record(z.string(), z.array(z.object({ description: z.string(), error: z.string() })).min(1)),
});
export const categoryErrorSchema = z.object({
  errors: z.array(z.object({ code: z.string(), title: z.string() })).min(1),
});
