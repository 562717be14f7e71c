import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CampaignFollowUp, FollowUpState } from '../../services/after-send/campaign-follow-up.ts';
import { useEnvironment } from '../environment.tsx';

const WAITING: FollowUpState = { view: { status: 'waiting' }, record: { status: 'waiting' } };
const nothing = () => () => undefined;
const none = () => undefined;

/** The follow-up of a campaign (its view and record) as it goes, and the follow-up itself once loaded. */
export function useFollowUp(tag: string): { state: FollowUpState; followUp: CampaignFollowUp | null } {
  const environment = useEnvironment();
  const [followUp, setFollowUp] = useState<CampaignFollowUp | null>(null);
  useEffect(() => {
    let current = true;
    void environment.followUp().then((loaded) => current && setFollowUp(loaded));
    return () => {
      current = false;
    };
  }, [environment]);
  const states = useSyncExternalStore(followUp?.subscribe ?? nothing, followUp?.getSnapshot ?? none);
  return { state: states?.get(tag) ?? WAITING, followUp };
}
