import type { JsonObject } from './types.ts';

/** support-api.md §7 `output.columns`, with the titles Zendesk shows. */
export const VIEW_COLUMNS: Record<string, string> = {
  assigned: 'Assigned',
  assignee: 'Assignee',
  due_date: 'Due date',
  group: 'Group',
  nice_id: 'ID',
  updated: 'Updated',
  updated_assignee: 'Assignee updated',
  updated_requester: 'Requester updated',
  updated_by_type: 'Latest update by',
  organization: 'Organization',
  priority: 'Priority',
  created: 'Requested',
  requester: 'Requester',
  locale_id: 'Requester language',
  satisfaction_score: 'Satisfaction',
  solved: 'Solved',
  status: 'Status',
  description: 'Subject',
  submitter: 'Submitter',
  ticket_form: 'Ticket form',
  type: 'Type',
  brand: 'Brand',
  custom_status_id: 'Ticket status',
};
export interface ViewOrder {
  groupBy: string | null;
  groupOrder: 'asc' | 'desc';
  sortBy: string;
  sortOrder: 'asc' | 'desc';
}

/** A view's `execution` as Zendesk reads it back: the written `output` plus titled column objects (DOC-VIEWS). */
export function viewExecution(columns: readonly string[], order: ViewOrder): JsonObject {
  const describe = (id: string) => ({ id, title: VIEW_COLUMNS[id] ?? id });
  const { groupBy, groupOrder, sortBy, sortOrder } = order;
  return {
    group_by: groupBy,
    group_order: groupOrder,
    sort_by: sortBy,
    sort_order: sortOrder,
    group: groupBy ? { ...describe(groupBy), order: groupOrder } : null,
    sort: { ...describe(sortBy), order: sortOrder },
    columns: columns.map(describe),
    fields: columns.map(describe),
    custom_fields: [],
  };
}
