/**
 * The Support API client: one SupportApiClient per app (it owns the request budget), endpoint
 * functions taking it first, errors as ZendeskError with a kind. Inside Zendesk pass the ZAF
 * transport and `scheduler: { rpm: ZAF_APP_RPM }`; elsewhere createFetchTransport.
 */
export { SupportApiClient, type ApiRequest, type SupportApiClientOptions } from './client.ts';
export { ZendeskError, isZendeskError, type ZendeskErrorKind } from './errors.ts';
export {
  defaultSchedulerOptions,
  ZAF_APP_RPM,
  type SchedulerOptions,
  type WaitEvent,
  type WaitReason,
} from './scheduler.ts';
export type { RetryMode } from './retry-policy.ts';
export { createFetchTransport, type FetchTransportOptions } from './fetch-transport.ts';
export { systemClock, type Clock } from './clock.ts';
export {
  NetworkFailure,
  normaliseHeaders,
  type HttpMethod,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from './transport.ts';
export { cursorPages, collectCursor, listAll, toZendeskPath, withQuery, SEARCH_RESULT_CAP } from './pagination.ts';

export type { CallOptions } from './endpoints/call-options.ts';
export {
  getCurrentUser,
  listUserIdentities,
  showManyUsers,
  showManyUsersByExternalIds,
  userPages,
} from './endpoints/users.ts';
export { listUserFields, listOrganizationFields } from './endpoints/custom-fields.ts';
export { listOrganizationMemberships, showManyOrganizations } from './endpoints/organizations.ts';
export {
  countSearch,
  search,
  searchUsers,
  exportSearch,
  type SearchResult,
  type SearchUsersResult,
} from './endpoints/search.ts';
export {
  createManyTickets,
  submitCreateMany,
  createTicket,
  updateManyTickets,
  submitUpdateMany,
  listTicketsByExternalId,
  showManyTickets,
  listRequestedTickets,
  deleteTicket,
  CREATE_MANY_LIMIT,
  type NewTicket,
  type TicketUpdate,
  type CreateManySubmission,
  type UpdateManySubmission,
  type IdempotencyLookup,
} from './endpoints/tickets.ts';
export { getJobStatus, showManyJobStatuses, listRecentJobStatuses } from './endpoints/job-statuses.ts';
export { createView, getView, countView, listViews, deleteView, type NewView } from './endpoints/views.ts';
export {
  createTrigger,
  listActiveTriggers,
  listTriggerCategories,
  createTriggerCategory,
  type NewTrigger,
} from './endpoints/triggers.ts';
export { listGroups, listGroupMemberships } from './endpoints/groups.ts';
export { listActiveMacros, applyMacro } from './endpoints/macros.ts';
export { getAccountSettings, listCustomStatuses, autocompleteTags } from './endpoints/account.ts';
export {
  getCustomObject,
  listCustomObjects,
  createCustomObject,
  listCustomObjectFields,
  createCustomObjectField,
  listCustomObjectRecords,
  upsertCustomObjectRecord,
} from './endpoints/custom-objects.ts';

export type { User, UserRole, CustomFieldValue, UserIdentity } from './schemas/users.ts';
export { customFieldTypes, type CustomField, type KnownCustomFieldType } from './schemas/custom-fields.ts';
export type { Organization, OrganizationMembership } from './schemas/organizations.ts';
export type { SearchableType } from './schemas/search.ts';
export type { Ticket, TicketStatus } from './schemas/tickets.ts';
export { jobState, type JobStatus, type JobResult } from './schemas/job-statuses.ts';
export type { View, ViewCount } from './schemas/views.ts';
export type { Trigger, TriggerCategory } from './schemas/triggers.ts';
export type { RuleCondition, RuleAction } from './schemas/rules.ts';
export type { Group, GroupMembership } from './schemas/groups.ts';
export type { Macro, MacroApplication } from './schemas/macros.ts';
export type { CustomStatus } from './schemas/custom-statuses.ts';
export type { AccountSettings } from './schemas/account-settings.ts';
export type { CustomObject, CustomObjectField, CustomObjectRecord } from './schemas/custom-objects.ts';
