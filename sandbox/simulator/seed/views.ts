import { recordUrl, type DemoAccount } from '../account.ts';
import { DEMO_IDENTITIES } from './people.ts';
import { OLD_CAMPAIGN_TAG } from './tickets.ts';
import { DAY_MS, isoTime } from '../time.ts';
import type { RuleCondition, ViewRestriction, ZendeskView } from '../types.ts';
import { viewExecution } from '../view-execution.ts';

const c = (field: string, operator: string, value: unknown): RuleCondition => ({ field, operator, value });

interface ViewSeed {
  title: string;
  all: RuleCondition[];
  any?: RuleCondition[];
  restriction?: ViewRestriction | null;
  columns?: string[];
  sortBy?: string;
  groupBy?: string;
  active?: boolean;
}

const COLUMNS = ['nice_id', 'description', 'requester', 'status', 'assignee', 'updated'];

/**
 * Views an account has before the app runs: shared ones (one per earlier campaign, as the app
 * makes them), a group view, personal views of the demo agent and of the owner, an inactive one.
 */
function viewSeeds(account: DemoAccount): ViewSeed[] {
  const billing = account.groups.find((g) => g.name === 'Billing');
  const agent = account.usersByEmail.get(DEMO_IDENTITIES.agent);
  const personal = (id: number | undefined): ViewRestriction | null => (id === undefined ? null : { type: 'User', id });
  return [
    { title: 'All unsolved tickets', all: [c('status', 'less_than', 'solved')], groupBy: 'status' },
    {
      title: 'Recently solved tickets',
      all: [c('status', 'is', 'solved')],
      columns: ['nice_id', 'description', 'requester', 'solved'],
      sortBy: 'solved',
    },
    {
      title: 'Campaign: Spring check-in',
      all: [c('status', 'less_than', 'closed'), c('current_tags', 'includes', OLD_CAMPAIGN_TAG)],
    },
    {
      title: 'Billing queue',
      all: [c('group_id', 'is', String(billing?.id ?? '')), c('status', 'less_than', 'solved')],
      restriction: billing ? { type: 'Group', ids: [billing.id] } : null,
    },
    {
      title: 'My unsolved tickets',
      all: [c('assignee_id', 'is', 'current_user'), c('status', 'less_than', 'solved')],
      restriction: personal(agent?.id),
    },
    {
      title: 'Urgent and high, mine',
      all: [c('assignee_id', 'is', 'current_user'), c('status', 'less_than', 'solved')],
      any: [c('priority', 'is', 'urgent'), c('priority', 'is', 'high')],
      restriction: personal(account.owner.id),
    },
    { title: 'Pending over the holidays (old)', all: [c('status', 'is', 'pending')], active: false },
  ];
}

export function seedViews(account: DemoAccount, now: number): void {
  const at = isoTime(now - 200 * DAY_MS);
  for (const seed of viewSeeds(account)) {
    const id = account.nextId('view');
    const view: ZendeskView = {
      id,
      url: recordUrl(`views/${id}`),
      title: seed.title,
      raw_title: seed.title,
      description: null,
      active: seed.active ?? true,
      position: account.views.length + 1,
      default: false,
      restriction: seed.restriction ?? null,
      conditions: { all: seed.all, any: seed.any ?? [] },
      execution: viewExecution(seed.columns ?? COLUMNS, {
        groupBy: seed.groupBy ?? null,
        groupOrder: 'asc',
        sortBy: seed.sortBy ?? 'updated',
        sortOrder: 'desc',
      }),
      created_at: at,
      updated_at: at,
    };
    account.views.push(view);
  }
}
