import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Customer } from '../../domain/audience/customer.ts';
import { applyExclusions, type SortedAudience } from '../../domain/audience/exclusions.ts';
import type { AccountFacts } from '../../services/audience/account-facts.ts';
import { useEnvironment } from '../environment.tsx';
import { useLoad, type LoadState } from '../shared/use-load.ts';
import { useCampaign } from '../store/campaign-store.ts';
import { useFetchedAudience, type FetchState } from './use-fetched-audience.ts';

export interface AudienceContextValue {
  facts: AccountFacts;
  state: FetchState;
  /** The latest answer split into who gets the ticket and who is left out (and why). */
  sorted: SortedAudience | null;
  retry: () => void;
  /** Customers an import just matched, so they need not be fetched again. */
  setPreloaded: (customers: Customer[]) => void;
}

const AudienceContext = createContext<AudienceContextValue | null>(null);

/**
 * The campaign's customers for every step: the audience screen edits the rules, the compose,
 * preview and send steps read the same answer, so moving between steps never fetches again.
 */
export function AudienceProvider({
  children,
}: {
  children: (facts: LoadState<AccountFacts>, retry: () => void) => ReactNode;
}) {
  const { accountFacts } = useEnvironment();
  const load = useCallback(() => accountFacts(), [accountFacts]);
  const { state, retry } = useLoad(load);
  // Always the same element, facts or not: a change of shape would remount the screen below.
  return (
    <AudienceSession facts={state.status === 'ready' ? state.value : null}>{children(state, retry)}</AudienceSession>
  );
}

function AudienceSession({ facts, children }: { facts: AccountFacts | null; children: ReactNode }) {
  const { store } = useEnvironment();
  const audience = useCampaign(store, (s) => s.draft.audience);
  // Only on the campaign steps: history needs no customer list.
  const step = useCampaign(store, (s) => s.step);
  const active = step !== 'home' && step !== 'history';
  const [preloaded, setPreloaded] = useState<Customer[] | null>(null);
  const { state, retry } = useFetchedAudience(facts, audience, preloaded, active);
  const fetched = state.status === 'ready' ? state.fetched : state.status === 'idle' ? null : state.previous;
  const excludedByAgent = useMemo(() => new Set(audience.excludedUserIds), [audience.excludedUserIds]);
  const includeStaff = audience.source === 'rules' && audience.rules.includeStaff;
  const sorted = useMemo(
    () =>
      fetched &&
      applyExclusions(fetched.matched, { includeStaff, recentlyContacted: fetched.recentlyContacted, excludedByAgent }),
    [fetched, includeStaff, excludedByAgent],
  );
  const value = useMemo(
    () => (facts === null ? null : { facts, state, sorted, retry, setPreloaded }),
    [facts, state, sorted, retry],
  );
  return <AudienceContext.Provider value={value}>{children}</AudienceContext.Provider>;
}

/** The shared audience; undefined until the account's fields are known. */
export function useAudience(): AudienceContextValue | null {
  return useContext(AudienceContext);
}
