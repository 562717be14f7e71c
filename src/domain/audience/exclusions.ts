import type { Customer } from './customer.ts';

/**
 * Customers left out of every campaign whatever the conditions say, each counted so the agent
 * sees why the audience is smaller than the match (SPEC.md flow step 1). A customer is counted
 * under the first reason that applies, in this order.
 */
export const EXCLUSION_REASONS = ['suspended', 'no_email', 'staff', 'recently_contacted', 'excluded_by_agent'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface ExclusionInputs {
  includeStaff: boolean;
  /** Customers who got a ticket from any campaign within the frequency cap (empty when the cap is off). */
  recentlyContacted: ReadonlySet<number>;
  /** Customers the agent took out of this audience by hand. */
  excludedByAgent: ReadonlySet<number>;
}

export function exclusionReason(customer: Customer, inputs: ExclusionInputs): ExclusionReason | undefined {
  const { user } = customer;
  if (user.suspended) return 'suspended';
  // A ticket to a customer without an email address reaches no one.
  if (user.email === null || user.email.trim() === '') return 'no_email';
  if (!inputs.includeStaff && user.role !== 'end-user') return 'staff';
  if (inputs.recentlyContacted.has(user.id)) return 'recently_contacted';
  if (inputs.excludedByAgent.has(user.id)) return 'excluded_by_agent';
  return undefined;
}

export type ExclusionCounts = Record<ExclusionReason, number>;

export interface SortedAudience {
  included: Customer[];
  excluded: Array<{ customer: Customer; reason: ExclusionReason }>;
  counts: ExclusionCounts;
}

/** Splits matched customers into the audience and the left-out, once per customer. */
export function applyExclusions(matched: Iterable<Customer>, inputs: ExclusionInputs): SortedAudience {
  const counts = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as ExclusionCounts;
  const included: Customer[] = [];
  const excluded: SortedAudience['excluded'] = [];
  const seen = new Set<number>();
  for (const customer of matched) {
    if (seen.has(customer.user.id)) continue;
    seen.add(customer.user.id);
    const reason = exclusionReason(customer, inputs);
    if (reason === undefined) included.push(customer);
    else {
      counts[reason] += 1;
      excluded.push({ customer, reason });
    }
  }
  return { included, excluded, counts };
}
