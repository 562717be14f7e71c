import { lazy, Suspense } from 'react';
import { Loading } from './shared/Loading.tsx';
import { EnvironmentProvider, type AppEnvironment } from './environment.tsx';
import { Home } from './home/Home.tsx';
import { Shell } from './shell/Shell.tsx';
import { RestoreNotice } from './shell/RestoreNotice.tsx';
import { useCampaign } from './store/campaign-store.ts';

// The campaign steps (and the audience they share) are loaded when the agent first opens one, so
// the overview comes up fast.
const CampaignSteps = lazy(() => import('./CampaignSteps.tsx'));

/** The signed-in app: the step bar and the screen of the current step, over one campaign store. */
export function CampaignApp({ environment }: { environment: AppEnvironment }) {
  const { store, session, user, homeData } = environment;
  const step = useCampaign(store, (s) => s.step);
  const goTo = useCampaign(store, (s) => s.goTo);
  return (
    <EnvironmentProvider value={environment}>
      <Shell current={step} onNavigate={goTo} version={session.metadata.version}>
        <RestoreNotice />
        {step === 'home' ? (
          <Home
            user={user}
            subdomain={session.context.subdomain}
            settings={session.settings}
            settingProblems={session.settingProblems}
            data={homeData}
            routeTo={session.routeTo}
          />
        ) : (
          <Suspense fallback={<Loading />}>
            <CampaignSteps step={step} />
          </Suspense>
        )}
      </Shell>
    </EnvironmentProvider>
  );
}
