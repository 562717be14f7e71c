/**
 * Custom field values of the demo customers and organizations. Every operator the audience builder
 * offers must have customers on both sides of it (SPEC.md "The campaign flow" step 1), so values
 * spread widely, some are exact round numbers (`seats = 25` has members) and some are unset.
 */
import type { Random } from '../prng.ts';
import { DAY_MS, fieldDate } from '../time.ts';
import type { FieldValue } from '../types.ts';
import { SERVICE_LEVELS } from './fields.ts';
import { ONBOARDING_NOTES } from './names.ts';

const PRODUCT_INTERESTS = ['analytics', 'mobile_app', 'integrations', 'training'] as const;
const ROUND_SEATS = [10, 25, 50, 100, 250] as const;
const ROUND_ANNUAL_SPEND = [1000, 2500, 5000, 10_000, 25_000] as const;
/** Exactly 500 sits on the boundary of "over $500 a month", so `>` and `>=` differ. */
const ROUND_MONTHLY_SPEND = [
  [100, 1],
  [250, 1],
  [500, 3],
  [1000, 1],
  [5000, 1],
] as const;

const cents = (random: Random, min: number, max: number) => Math.round((min + random.next() * (max - min)) * 100) / 100;

/** Two to three short lines, the way agents fill a multi-line field. */
function onboardingNotes(random: Random): string {
  const lines = ONBOARDING_NOTES.filter(() => random.chance(0.3));
  if (lines.length === 0) lines.push(random.pick(ONBOARDING_NOTES));
  return lines.join('\n');
}

export function userFieldValues(random: Random, now: number, index: number): Record<string, FieldValue> {
  const interests = PRODUCT_INTERESTS.filter(() => random.chance(0.3));
  const seats = random.chance(0.7) ? (random.chance(0.2) ? random.pick(ROUND_SEATS) : random.int(1, 500)) : null;
  const spend = random.chance(0.9)
    ? random.chance(0.1)
      ? random.pick(ROUND_ANNUAL_SPEND)
      : cents(random, 0, 50_000)
    : null;
  return {
    // Only the past: "purchased in the last N days" and "before <date>" both have members.
    last_purchase_date: random.chance(0.85) ? fieldDate(now - random.int(0, 730) * DAY_MS) : null,
    // Spread from a month ago to a year ahead, so "renewal in the next 30 days" always has members.
    plan_renewal_date: random.chance(0.9) ? fieldDate(now + random.int(-30, 335) * DAY_MS) : null,
    average_annual_spend: spend,
    service_level: random.chance(0.95)
      ? random.weighted([
          ['platinum', 5],
          ['gold', 15],
          ['silver', 35],
          ['bronze', 45],
        ] as const)
      : null,
    social_media_influence: random.chance(0.8) ? random.pick(['high', 'medium', 'low']) : null,
    account_manager_notes: random.chance(0.2)
      ? random.pick(['Prefers email', 'Call before renewal', 'Key account', 'Prefers phone calls'])
      : null,
    newsletter_opt_in: random.chance(0.6),
    seats,
    product_interests: interests,
    customer_code: random.chance(0.5) ? `C-${String(10000 + (index % 90000))}` : null,
    legacy_segment: random.chance(0.3) ? random.pick(['smb', 'mid_market']) : null,
    onboarding_notes: random.chance(0.4) ? onboardingNotes(random) : null,
  };
}

export function organizationFieldValues(random: Random): Record<string, FieldValue> {
  // Most organizations spend between $50 and $5,000 a month, so "over $500" splits them.
  const spend = random.chance(0.9)
    ? random.chance(0.1)
      ? random.weighted(ROUND_MONTHLY_SPEND)
      : random.weighted([
          [() => cents(random, 20, 500), 40],
          [() => cents(random, 500, 5000), 45],
          [() => cents(random, 5000, 20_000), 15],
        ] as const)()
    : null;
  return {
    account_type: random.weighted([
      ['active', 60],
      ['prospect', 15],
      ['churned', 15],
      ['partner', 10],
    ] as const),
    monthly_spend: spend,
    reference_customer: random.chance(0.15),
    contract: random.pick(['monthly', 'quarterly', '1_year', '2_year']),
    org_service_level: random.pick(SERVICE_LEVELS),
  };
}
