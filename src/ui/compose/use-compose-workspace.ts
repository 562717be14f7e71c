import { useCallback } from 'react';
import { loadComposeWorkspace } from '../../services/compose/compose-workspace.ts';
import { useEnvironment } from '../environment.tsx';
import { useLoad } from '../shared/use-load.ts';

/** Groups, agents, statuses and macros, loaded once and shared by compose and preview. */
export function useComposeWorkspace() {
  const { api, shared } = useEnvironment();
  const load = useCallback(() => shared('compose-workspace', () => loadComposeWorkspace(api)), [api, shared]);
  return useLoad(load);
}
