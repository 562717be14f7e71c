import { useEffect, useMemo, useRef, useState } from 'react';
import type { AudienceDraft } from '../../domain/campaign/draft.ts';
import { markerTag } from '../../domain/campaign/tags.ts';
import type { AccountFacts } from '../../services/audience/account-facts.ts';
import {
  fetchCustomersById,
  fetchRulesAudience,
  type FetchedAudience,
} from '../../services/audience/fetch-audience.ts';
import { AudienceLoader, type AudienceProgress } from '../../services/audience/load-audience.ts';
import { recentlyContacted } from '../../services/audience/recently-contacted.ts';
import type { Customer } from '../../domain/audience/customer.ts';
import type { SupportApiClient } from '../../zendesk/index.ts';
import { useEnvironment } from '../environment.tsx';

export type FetchState =
  | { status: 'idle' }
  | { status: 'loading'; progress: AudienceProgress | null; previous: FetchedAudience | null }
  | { status: 'ready'; fetched: FetchedAudience }
  | { status: 'error'; error: unknown; previous: FetchedAudience | null };

/** How long the count waits after the last edit before asking Zendesk. */
export const COUNT_DEBOUNCE_MS = 500;

/**
 * The audience's customers, fetched again whenever what decides them changes (the rules or the
 * imported list; not the per-row exclusions, which are applied on screen). Edits in quick
 * succession make one request round, and an answer to an older version of the rules is dropped
 * however late it arrives: each fetch is cancelled when a newer one starts.
 */
export function useFetchedAudience(
  /** Null until the account's fields are known: nothing is fetched before. */
  facts: AccountFacts | null,
  audience: AudienceDraft,
  /** Customers an import just matched: no need to fetch them again by id. */
  preloaded: readonly Customer[] | null,
  /** False while the agent is elsewhere: nothing is fetched, the last answer stays. */
  active = true,
): { state: FetchState; retry: () => void } {
  const { api, session } = useEnvironment();
  const loader = useMemo(() => new AudienceLoader(api), [api]);
  // The state of the fetch for `forKey`; a key with no state yet is loading.
  const [state, setState] = useState<{ forKey: string; state: FetchState }>({ forKey: '', state: { status: 'idle' } });
  const [attempt, setAttempt] = useState(0);
  // The last answer, kept on screen (dimmed) while a newer one is fetched.
  const [latest, setLatest] = useState<FetchedAudience | null>(null);
  const last = useRef<FetchedAudience | null>(null);

  const cap = useMemo(
    () => ({ markerTag: markerTag(session.settings.tagPrefix), days: session.settings.frequencyCapDays }),
    [session.settings.tagPrefix, session.settings.frequencyCapDays],
  );
  // What the fetch depends on, as one comparable value.
  const key = JSON.stringify(
    audience.source === 'rules' ? { rules: audience.rules } : { ids: audience.csv?.userIds ?? null },
  );

  useEffect(() => {
    const input = JSON.parse(key) as { rules?: AudienceDraft['rules']; ids?: number[] | null };
    if (input.ids === null || !active || facts === null) return;
    const controller = new AbortController();
    const known = preloaded && input.ids && sameIds(preloaded, input.ids) ? preloaded : null;
    const update = (next: FetchState) => {
      if (!controller.signal.aborted) setState({ forKey: `${key}#${attempt}`, state: next });
    };
    const timer = setTimeout(() => {
      const onProgress = (progress: AudienceProgress) =>
        update({ status: 'loading', progress, previous: last.current });
      const options = { signal: controller.signal, onProgress };
      const task = input.rules
        ? fetchRulesAudience(api, loader, facts, input.rules, cap, options)
        : known
          ? withCustomers(known, api, facts, cap, options)
          : fetchCustomersById(api, input.ids ?? [], facts, cap, options);
      task.then(
        (fetched) => {
          if (controller.signal.aborted) return;
          last.current = fetched;
          setLatest(fetched);
          update({ status: 'ready', fetched });
        },
        (error: unknown) => update({ status: 'error', error, previous: last.current }),
      );
    }, COUNT_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, attempt, api, loader, facts, cap, preloaded, active]);

  const idle = (audience.source === 'csv' && audience.csv === null) || facts === null;
  const current: FetchState = idle
    ? { status: 'idle' }
    : state.forKey === `${key}#${attempt}`
      ? state.state
      : { status: 'loading', progress: null, previous: latest };
  return {
    state: current,
    retry: () => {
      loader.refresh();
      setAttempt((n) => n + 1);
    },
  };
}

function sameIds(customers: readonly Customer[], ids: readonly number[]): boolean {
  return customers.length === ids.length && customers.every((c, i) => c.user.id === ids[i]);
}

async function withCustomers(
  customers: readonly Customer[],
  api: SupportApiClient,
  facts: AccountFacts,
  cap: { markerTag: string; days: number },
  options: { signal?: AbortSignal },
): Promise<FetchedAudience> {
  const today = facts.calendar.dayOf(api.clock.now());
  const contacted = await recentlyContacted(api, { ...cap, calendar: facts.calendar, today }, options);
  return { matched: [...customers], recentlyContacted: contacted, plan: null };
}
