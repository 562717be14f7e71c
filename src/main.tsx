import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@zendeskgarden/css-bedrock/dist/index.css';
import { browserSendLock, browserStore } from './storage/index.ts';
import { connectToZendesk, type Connection, type ZendeskSession } from './zaf/connect.ts';
import { initSdkClient } from './zaf/sdk.ts';
import { SupportApiClient, ZAF_APP_RPM } from './zendesk/index.ts';
import { App } from './ui/App.tsx';
import type { SessionServices } from './ui/environment.tsx';

// One SDK client per page: React's StrictMode runs effects twice in development, and a second
// ZAFClient.init() would send Zendesk a second handshake.
let connection: Promise<Connection> | undefined;
const connect = () => (connection ??= connectToZendesk({ init: initSdkClient }));

// One Support API client for the whole app, paced to ZAF's 100 requests a minute per app user.
// Screens are interactive: after a couple of quick retries they show the error and a Retry button
// rather than keeping the agent waiting through a long backoff.
const createServices = (session: ZendeskSession): SessionServices => ({
  api: new SupportApiClient({
    transport: session.transport,
    scheduler: {
      rpm: ZAF_APP_RPM,
      budgetShare: session.settings.apiBudgetShare / 100,
      maxAttempts: 3,
      backoffMaxMs: 2_000,
    },
  }),
  storage: browserStore(),
  lock: browserSendLock(),
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App connect={connect} createServices={createServices} />
  </StrictMode>,
);
