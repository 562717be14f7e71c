import type { AccountFacts } from '../services/audience/account-facts.ts';
import type { LoadState } from './shared/use-load.ts';

/** What every campaign step gets: the account facts (fields, time zone), loaded once for all steps. */
export interface StepProps {
  facts: LoadState<AccountFacts>;
  retryFacts: () => void;
}
