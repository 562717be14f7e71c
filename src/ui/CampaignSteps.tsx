import { lazy, Suspense, type ReactNode } from 'react';
import { AudienceProvider } from './audience/AudienceProvider.tsx';
import { Loading } from './shared/Loading.tsx';
import type { StepProps } from './step-props.ts';
import type { StepId } from './store/campaign-store.ts';

const AudienceStep = lazy(() => import('./audience/AudienceStep.tsx'));
const ComposeStep = lazy(() => import('./compose/ComposeStep.tsx'));
const PreviewStep = lazy(() => import('./preview/PreviewStep.tsx'));
const SendStep = lazy(() => import('./send/SendStep.tsx'));
const HistoryStep = lazy(() => import('./history/HistoryStep.tsx'));

/** Steps 1–5 over the one audience they share (fetched once, kept while the agent moves between them). */
export default function CampaignSteps({ step }: { step: Exclude<StepId, 'home'> }) {
  return (
    <AudienceProvider>
      {(facts, retryFacts) => <Suspense fallback={<Loading />}>{screen(step, { facts, retryFacts })}</Suspense>}
    </AudienceProvider>
  );
}

function screen(step: Exclude<StepId, 'home'>, props: StepProps): ReactNode {
  switch (step) {
    case 'audience':
      return <AudienceStep {...props} />;
    case 'compose':
      return <ComposeStep {...props} />;
    case 'preview':
      return <PreviewStep {...props} />;
    case 'send':
      return <SendStep {...props} />;
    case 'history':
      return <HistoryStep />;
  }
}
