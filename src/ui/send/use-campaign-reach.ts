import { useCallback, useEffect, useState } from 'react';
import { customersWithCampaignTicket, type CampaignReach } from '../../services/send/campaign-recipients.ts';
import { isAdmin } from '../../zaf/current-user.ts';
import { useEnvironment } from '../environment.tsx';

export type ReachState =
  | { status: 'checking'; waitingForJobs: number }
  | { status: 'ready'; reach: CampaignReach }
  | { status: 'error'; error: unknown };

/**
 * Who already has this campaign's ticket, asked of Zendesk when the Send step opens, so the
 * count the agent confirms is the count that is sent, even after a send this browser forgot.
 */
export function useCampaignReach(tag: string): { state: ReachState; recheck: () => Promise<CampaignReach> } {
  const { api, user } = useEnvironment();
  // Kept with the tag it answers: a renamed campaign is "checking" again without a reset.
  const [answer, setAnswer] = useState<{ tag: string; state: ReachState } | null>(null);

  const ask = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const reach = await customersWithCampaignTicket(api, tag, {
          ...(signal ? { signal } : {}),
          removeDuplicates: isAdmin(user.role),
          onWaiting: (running) => setAnswer({ tag, state: { status: 'checking', waitingForJobs: running } }),
        });
        if (!signal?.aborted) setAnswer({ tag, state: { status: 'ready', reach } });
        return reach;
      } catch (error) {
        if (!signal?.aborted) setAnswer({ tag, state: { status: 'error', error } });
        throw error;
      }
    },
    [api, tag, user.role],
  );

  useEffect(() => {
    if (tag === '') return;
    const controller = new AbortController();
    void (async () => {
      await Promise.resolve(); // answers arrive after the render that asked
      await ask(controller.signal).catch(() => undefined);
    })();
    return () => controller.abort();
  }, [ask, tag]);

  const recheck = useCallback(() => {
    setAnswer({ tag, state: { status: 'checking', waitingForJobs: 0 } });
    return ask();
  }, [ask, tag]);

  const state: ReachState = answer?.tag === tag ? answer.state : { status: 'checking', waitingForJobs: 0 };
  return { state, recheck };
}
