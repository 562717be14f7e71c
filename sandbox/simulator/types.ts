import type { Clock } from '../../src/zendesk/clock.ts';
import type { JobTiming } from './job-timing.ts';

/** One HTTP request as the simulator sees it. Header names are lower-case. */
export interface SimRequest {
  method: string;
  /** Path + query (`/api/v2/users?page[size]=100`) or an absolute URL. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** `dropped`: the request WAS processed, then the connection dropped (the worst case for duplicates). */
export type SimResponse = { status: number; headers: Record<string, string>; body: string } | { dropped: true };

export type Plan = 'essential' | 'team' | 'growth' | 'professional' | 'enterprise' | 'high_volume';

export interface Faults {
  /** After every `every` requests, `length` requests get 429 + Retry-After. */
  burst429?: { every: number; length: number; retryAfterSeconds: number };
  /** 0..1: 500/503 before processing (503 sometimes with Retry-After). */
  serverErrorRate?: number;
  /** 0..1: processed, then the connection drops. */
  dropRate?: number;
  /**
   * 0..1: processed, then answered 502/504 (a gateway timing out on a request that went through).
   * The hazard for creates: the client sees a failure although the tickets exist.
   */
  timeoutAfterProcessingRate?: number;
  /** Multiplies job latency. */
  slowJobFactor?: number;
  /** 0..1: create_many items failing inside the job result. */
  jobItemFailureRate?: number;
  /**
   * 0..1: a POST is processed, the connection drops before the answer, and the browser replays
   * the same POST by itself; Zendesk processes it twice and the client sees only the second answer.
   */
  replayPostRate?: number;
  /**
   * Background jobs of other apps and integrations queued or running in the account: they take
   * that many of its 30 job slots (support-api.md §6), as on a busy account.
   */
  otherJobsInFlight?: number;
}

export interface SimulatorOptions {
  /** Customers may belong to several organizations (default true, as the demo seeds some in two or three). */
  multipleOrganizations?: boolean;
  /** Default 1; all data and fault decisions are deterministic from it. */
  seed?: number;
  /** End-users, default 3000. */
  users?: number;
  /** Default users / 10. */
  organizations?: number;
  /** Default 'professional' (400/min). */
  plan?: Plan;
  /** Overrides the plan's per-minute limit. */
  rpm?: number;
  clock?: Clock;
  /**
   * The account's job queue: per-ticket time (± jitter), queue start delay, jobs run at once.
   * Default DEFAULT_JOB_TIMING (job-timing.ts): 250 ± 50 ms a ticket, 2 s start, 30 at once.
   */
  jobTiming?: Partial<JobTiming>;
  /** Older form of jobTiming: a fixed start delay and per-ticket time, without jitter. */
  jobLatency?: { startMs: number; perTicketMs: number };
  /** Default false: no Authorization header acts as the account owner (an admin). */
  requireAuth?: boolean;
  faults?: Faults;
  /**
   * Zendesk search lags writes by "typically about a minute" (support-api.md §2.1): each record
   * (and each change to a ticket) becomes searchable after its own lag, drawn from the seed.
   * Default 30–120 s; a number is a fixed lag; 0 makes search instant.
   */
  searchIndexLagMs?: number | { minMs: number; maxMs: number };
  /**
   * Whether POST tickets/create_many honours `Idempotency-Key`. Default false: Zendesk documents the
   * key for POST /tickets only (support-api.md §5.4), so the stricter reading ignores it here.
   */
  createManyIdempotency?: boolean;
  /** Default true (custom ticket statuses on, as account settings say); false turns them off. */
  customStatuses?: boolean;
  /**
   * Whether the account has custom objects. Default: yes, except on Essential, whose plan has none
   * (Custom Objects API introduction); false makes every /custom_objects path answer 403.
   */
  customObjects?: boolean;
}

export const PLAN_RPM: Record<Plan, number> = {
  essential: 10,
  team: 200,
  growth: 400,
  professional: 400,
  enterprise: 700,
  high_volume: 2500,
};

export type JsonObject = { [key: string]: unknown };

export interface CustomFieldOption {
  id: number;
  name: string;
  raw_name: string;
  value: string;
}

export interface CustomField {
  id: number;
  url: string;
  key: string;
  type: 'text' | 'textarea' | 'checkbox' | 'date' | 'integer' | 'decimal' | 'regexp' | 'dropdown' | 'multiselect';
  title: string;
  raw_title: string;
  description: string;
  raw_description: string;
  position: number;
  active: boolean;
  system: boolean;
  regexp_for_validation: string | null;
  tag: string | null;
  custom_field_options?: CustomFieldOption[];
  created_at: string;
  updated_at: string;
}

export type FieldValue = string | number | boolean | string[] | null;

export interface ZendeskUser {
  id: number;
  url: string;
  name: string;
  email: string | null;
  created_at: string;
  updated_at: string;
  time_zone: string;
  iana_time_zone: string;
  phone: string | null;
  shared_phone_number: boolean | null;
  photo: null;
  locale_id: number;
  locale: string;
  organization_id: number | null;
  role: 'end-user' | 'agent' | 'admin';
  verified: boolean;
  external_id: string | null;
  tags: string[];
  alias: string | null;
  active: boolean;
  shared: boolean;
  shared_agent: boolean;
  last_login_at: string | null;
  two_factor_auth_enabled: boolean | null;
  signature: string | null;
  details: string;
  notes: string;
  role_type: number | null;
  custom_role_id: number | null;
  moderator: boolean;
  ticket_restriction: string | null;
  only_private_comments: boolean;
  restricted_agent: boolean;
  suspended: boolean;
  default_group_id: number | null;
  report_csv: boolean;
  chat_only: boolean;
  user_fields: Record<string, FieldValue>;
}

export interface ZendeskOrganization {
  id: number;
  url: string;
  name: string;
  shared_tickets: boolean;
  shared_comments: boolean;
  external_id: string | null;
  created_at: string;
  updated_at: string;
  domain_names: string[];
  details: string;
  notes: string;
  group_id: number | null;
  tags: string[];
  organization_fields: Record<string, FieldValue>;
}

export interface OrganizationMembership {
  id: number;
  url: string;
  user_id: number;
  organization_id: number;
  default: boolean;
  organization_name: string;
  view_tickets: boolean;
  created_at: string;
  updated_at: string;
}

/** One of a user's identities (GET users/{id}/identities); the demo account seeds email identities only. */
export interface UserIdentity {
  id: number;
  url: string;
  user_id: number;
  type: 'email';
  value: string;
  verified: boolean;
  /** The primary email identity is the one `user.email` shows. */
  primary: boolean;
  deliverable_state: 'deliverable';
  undeliverable_count: number;
  created_at: string;
  updated_at: string;
}

export interface ZendeskGroup {
  id: number;
  url: string;
  name: string;
  description: string;
  default: boolean;
  deleted: boolean;
  is_public: boolean;
  created_at: string;
  updated_at: string;
}

export interface GroupMembership {
  id: number;
  url: string;
  user_id: number;
  group_id: number;
  default: boolean;
  created_at: string;
  updated_at: string;
}

export interface ZendeskTicket {
  id: number;
  url: string;
  external_id: string | null;
  via: { channel: string; source: { from: JsonObject; to: JsonObject; rel: string | null } };
  created_at: string;
  updated_at: string;
  generated_timestamp: number;
  type: string | null;
  subject: string;
  raw_subject: string;
  description: string;
  priority: string | null;
  status: string;
  custom_status_id: number;
  recipient: string | null;
  requester_id: number;
  submitter_id: number;
  assignee_id: number | null;
  organization_id: number | null;
  group_id: number | null;
  collaborator_ids: number[];
  follower_ids: number[];
  email_cc_ids: number[];
  forum_topic_id: null;
  problem_id: null;
  has_incidents: boolean;
  is_public: boolean;
  due_at: string | null;
  tags: string[];
  custom_fields: Array<{ id: number; value: unknown }>;
  satisfaction_rating: null;
  sharing_agreement_ids: number[];
  fields: Array<{ id: number; value: unknown }>;
  followup_ids: number[];
  ticket_form_id: number;
  brand_id: number;
  allow_channelback: boolean;
  allow_attachments: boolean;
  from_messaging_channel: boolean;
}

/** A ticket plus what Zendesk keeps but does not put in the ticket JSON. */
export interface StoredTicket {
  ticket: ZendeskTicket;
  /** Epoch ms; feeds `solved>7days` searches. */
  solvedAtMs: number | null;
  createdAtMs: number;
  /** GET tickets/{id}/comments, oldest first. */
  comments?: TicketComment[];
  /** One entry per create or update: which triggers fired (ticket-writer.ts). */
  triggerRuns?: TriggerRun[];
  /** The last id handed out to this ticket's audits, events and comments. */
  eventSeq?: number;
}

export interface TicketComment {
  id: number;
  type: 'Comment';
  author_id: number;
  body: string;
  html_body: string;
  plain_body: string;
  public: boolean;
  attachments: JsonObject[];
  audit_id: number;
  via: ZendeskTicket['via'];
  metadata: { system: JsonObject; custom: JsonObject };
  created_at: string;
}

/** What the triggers did on one create or update of a ticket. */
export interface TriggerRun {
  at: string;
  update_type: 'Create' | 'Change';
  /** Trigger ids in the order they fired. */
  fired: number[];
  /** Active triggers with a condition the simulator cannot decide: they never fire here. */
  undecidable: number[];
}

/** An email (or webhook call) a trigger would send; kept on the account (DemoAccount.notifications). */
export interface TriggerNotification {
  id: number;
  created_at: string;
  ticket_id: number;
  trigger_id: number;
  trigger_title: string;
  /** notification_user, notification_group, notification_webhook or notification_target. */
  action: string;
  /** The action's first value as written: requester_id, all_agents, a group id, a webhook id… */
  recipient: string;
  /** The users who would get it: active, not suspended, with an email address. */
  recipients: Array<{ id: number; email: string; role: ZendeskUser['role'] }>;
  subject: string;
  body: string;
}

export interface RuleCondition {
  field: string;
  operator: string;
  value: unknown;
}

export interface ZendeskMacro {
  id: number;
  url: string;
  title: string;
  raw_title: string;
  description: string;
  active: boolean;
  position: number;
  default: boolean;
  /** Personal `{type:'User', id}` or group `{type:'Group', id, ids}` (DOC-MACROS); null = shared. */
  restriction: null | { type: string; id: number; ids?: number[] };
  actions: Array<{ field: string; value: unknown }>;
  created_at: string;
  updated_at: string;
}

/** What Zendesk's business rules (triggers, views) have in common. */
export interface BusinessRule {
  id: number;
  url: string;
  title: string;
  raw_title: string;
  description: string | null;
  active: boolean;
  position: number;
  default: boolean;
  created_at: string;
  updated_at: string;
}

export interface ZendeskTrigger extends BusinessRule {
  category_id: string;
  conditions: { all: RuleCondition[]; any: RuleCondition[] };
  actions: Array<{ field: string; value: unknown }>;
}

export interface TriggerCategory {
  id: string;
  name: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface ViewRestriction {
  type: 'User' | 'Group';
  id?: number;
  ids?: number[];
}

export interface ZendeskView extends BusinessRule {
  restriction: ViewRestriction | null;
  conditions: { all: RuleCondition[]; any: RuleCondition[] };
  execution: JsonObject;
}

export interface CustomStatus {
  id: number;
  url: string;
  status_category: 'new' | 'open' | 'pending' | 'hold' | 'solved';
  agent_label: string;
  raw_agent_label: string;
  end_user_label: string;
  raw_end_user_label: string;
  description: string;
  raw_description: string;
  end_user_description: string;
  raw_end_user_description: string;
  active: boolean;
  default: boolean;
  created_at: string;
  updated_at: string;
}
