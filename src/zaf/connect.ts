import { z } from 'zod';
import type { Transport } from '../zendesk/transport.ts';
import type { ZafClient } from './client.ts';
import { parseCurrentUser, type CurrentUser } from './current-user.ts';
import { parseAppSettings, type AppSettings, type SettingProblem } from './settings.ts';
import { zafTransport } from './transport.ts';

export interface AppContext {
  instanceGuid: string;
  product: string;
  location: string;
  /** The Zendesk account, e.g. `acme` for acme.zendesk.com. */
  subdomain: string | null;
}

export interface AppMetadata {
  appId: number | null;
  installationId: number | null;
  name: string;
  version: string | null;
}

/** Where `routeTo` can send the agent (zaf.md §4.2). */
export type RouteTarget = 'ticket' | 'user' | 'organization' | 'views' | 'nav_bar';

export interface ZendeskSession {
  readonly client: ZafClient;
  readonly context: AppContext;
  readonly metadata: AppMetadata;
  readonly settings: AppSettings;
  /** Settings Zendesk delivered that could not be read; their defaults are used instead. */
  readonly settingProblems: readonly SettingProblem[];
  /** The Support API transport through `client.request`. */
  readonly transport: Transport;
  currentUser(): Promise<CurrentUser>;
  routeTo(target: RouteTarget, ...args: Array<string | number>): Promise<void>;
}

export type Connection = { kind: 'outside' } | { kind: 'inside'; session: ZendeskSession };

const contextSchema = z.looseObject({
  instanceGuid: z.string(),
  product: z.string().default('support'),
  location: z.string().default('nav_bar'),
  account: z.looseObject({ subdomain: z.string().nullish() }).nullish(),
});

const metadataSchema = z.looseObject({
  appId: z.number().nullish(),
  installationId: z.number().nullish(),
  name: z.string().nullish(),
  version: z.string().nullish(),
  settings: z.unknown(),
});

/**
 * Connects to the Zendesk page hosting this iframe. `init` is the SDK's `ZAFClient.init`, which
 * returns false when the page was opened without `origin` and `app_guid` (not inside Zendesk).
 * Nothing but the handshake reaches Zendesk before it answers `app.registered`, so we wait for
 * it — with a limit, so a page that never answers shows an error instead of spinning forever.
 */
export async function connectToZendesk(options: {
  init: () => ZafClient | false;
  registrationTimeoutMs?: number;
}): Promise<Connection> {
  const client = options.init();
  if (!client) return { kind: 'outside' };

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('Zendesk did not register the app (no app.registered message)')),
      options.registrationTimeoutMs ?? 15_000,
    );
    client.on('app.registered', () => {
      clearTimeout(timer);
      resolve();
    });
  });

  const [rawContext, rawMetadata] = await Promise.all([client.context(), client.metadata()]);
  const context = contextSchema.parse(rawContext);
  const metadata = metadataSchema.parse(rawMetadata);
  const { settings, problems } = parseAppSettings(metadata.settings);

  const session: ZendeskSession = {
    client,
    context: {
      instanceGuid: context.instanceGuid,
      product: context.product,
      location: context.location,
      subdomain: context.account?.subdomain ?? null,
    },
    metadata: {
      appId: metadata.appId ?? null,
      installationId: metadata.installationId ?? null,
      name: metadata.name ?? 'Proactive Campaigns',
      version: metadata.version ?? null,
    },
    settings,
    settingProblems: problems,
    transport: zafTransport(client),
    async currentUser() {
      const result = await client.get('currentUser');
      return parseCurrentUser(result.currentUser);
    },
    async routeTo(target, ...args) {
      // Ids go as text, the form Zendesk's own apps pass to routeTo.
      await client.invoke('routeTo', target, ...args.map(String));
    },
  };
  return { kind: 'inside', session };
}
