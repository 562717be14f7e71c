import { startSandbox } from './sandbox-server.ts';

/** `npm start`: the built app inside a local stand-in for Zendesk, until Ctrl+C. */
const sandbox = await startSandbox();
console.log(`
  Proactive Campaigns — local Zendesk sandbox

  Open ${sandbox.hostUrl} and click the Proactive Campaigns icon in the left bar.

  App (opened directly, outside Zendesk): ${sandbox.appUrl}
  Simulated Support API:                  ${sandbox.apiUrl}/api/v2/

  Press Ctrl+C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().then(() => process.exit(0));
  });
}
