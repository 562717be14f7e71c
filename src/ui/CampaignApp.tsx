import { Dots } from '@zendeskgarden/react-loaders';
import { lazy, Suspense, type ReactNode } from 'react';
import { useT } from '../i18n/provider.tsx';
import { EnvironmentProvider, type AppEnvironment } from './environment.tsx';
import { Home } from './home/Home.tsx';
import { Shell } from './shell/Shell.tsx';
import { RestoreNotice } from './shell/RestoreNotice.tsx';
import { useCampaign, type StepId } from './store/campaign-store.ts';
import { AudienceProvider } from './audience/AudienceProvider.tsx';
import type { StepProps } from './step-props.ts';

// Steps after the first are loaded when the agent opens them, so the first screen comes up fast.
const AudienceStep = lazy(() => import('./audience/AudienceStep.tsx'));
const ComposeStep = lazy(() => import('./compose/ComposeStep.tsx'));
const PreviewStep = lazy(() => import('./preview/PreviewStep.tsx'));

/** The signed-in app: the step bar and the screen of the current step, over one campaign store. */
export function CampaignApp({ environment }: { environment: AppEnvironment }) {
  const { store, session, user, homeData } = environment;
  const step = useCampaign(store, (s) => s.step);
  const goTo = useCampaign(store, (s) => s.goTo);
  const screens = (stepProps: StepProps): Record<StepId, () => ReactNode> => ({
    home: () => (
      <Home
        user={user}
        subdomain={session.context.subdomain}
        settings={session.settings}
        settingProblems={session.settingProblems}
        data={homeData}
        routeTo={session.routeTo}
      />
    ),
    audience: () => <AudienceStep {...stepProps} />,
    compose: () => <ComposeStep {...stepProps} />,
    preview: () => <PreviewStep {...stepProps} />,
    send: () => <ComingNext />,
    history: () => <ComingNext />,
  });
  return (
    <EnvironmentProvider value={environment}>
      <Shell current={step} onNavigate={goTo} version={session.metadata.version}>
        <RestoreNotice />
        <AudienceProvider>
          {(facts, retryFacts) => <Suspense fallback={<Loading />}>{screens({ facts, retryFacts })[step]()}</Suspense>}
        </AudienceProvider>
      </Shell>
    </EnvironmentProvider>
  );
}

function Loading() {
  const t = useT();
  return (
    <div role="status" aria-label={t('home.loading')}>
      <Dots size={32} aria-hidden />
    </div>
  );
}

function ComingNext() {
  const t = useT();
  return <p>{t('shell.coming_soon')}</p>;
}
