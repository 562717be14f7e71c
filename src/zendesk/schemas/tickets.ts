import { z } from 'zod';
import { idSchema, pagingShape, timestampSchema } from './pagination.ts';

export const ticketStatusSchema = z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const ticketSchema = z.looseObject({
  id: idSchema,
  external_id: z.string().nullable(),
  subject: z.string().nullable(),
  status: ticketStatusSchema,
  priority: z.string().nullable(),
  type: z.string().nullable(),
  requester_id: idSchema,
  submitter_id: idSchema.nullable().optional(),
  assignee_id: idSchema.nullable(),
  group_id: idSchema.nullable(),
  organization_id: idSchema.nullable(),
  tags: z.array(z.string()),
  custom_status_id: idSchema.nullable().optional(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Ticket = z.infer<typeof ticketSchema>;

export const ticketResponseSchema = z.looseObject({ ticket: ticketSchema });
export const ticketsResponseSchema = z.looseObject({ tickets: z.array(ticketSchema), ...pagingShape });
