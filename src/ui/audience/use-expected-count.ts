import { useEffect, useMemo, useState } from 'react';
import { planAudience } from '../../domain/audience/plan.ts';
import type { AudienceDraft } from '../../domain/campaign/draft.ts';
import type { AccountFacts } from '../../services/audience/account-facts.ts';
import { countSearch } from '../../zendesk/index.ts';
import { useEnvironment } from '../environment.tsx';

/**
 * How many customers the fetch will bring, for a determinate progress bar: one search/count of
 * the main query (the export itself gives no total). Only asked while a fetch runs.
 */
export function useExpectedCount(facts: AccountFacts, audience: AudienceDraft, loading: boolean): number | null {
  const { api, now } = useEnvironment();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const query = useMemo(() => {
    if (audience.source === 'csv') return null;
    const ctx = { calendar: facts.calendar, today: facts.calendar.dayOf(now()) };
    const main = planAudience(audience.rules, facts.catalog, ctx).userQueries[0];
    return main ? `type:user ${main.query}` : null;
  }, [audience.source, audience.rules, facts, now]);

  useEffect(() => {
    if (!loading || query === null || counts[query] !== undefined) return;
    const controller = new AbortController();
    countSearch(api, query, { signal: controller.signal }).then(
      (count) => setCounts((c) => ({ ...c, [query]: count })),
      () => undefined,
    );
    return () => controller.abort();
  }, [api, loading, query, counts]);

  if (audience.source === 'csv') return audience.csv?.userIds.length ?? null;
  return query === null ? null : (counts[query] ?? null);
}
