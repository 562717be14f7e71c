/** What the sandbox server tells the host page (GET /sandbox-config.json). */
export interface SandboxConfig {
  /** The built app's index.html on its own origin, as Zendesk serves apps from its CDN. */
  appUrl: string;
  appGuid: string;
  appName: string;
  appVersion: string;
  /** The installation settings: the manifest's parameter defaults. */
  settings: Record<string, unknown>;
  subdomain: string;
}

export type RoleChoice = 'admin' | 'agent' | 'custom';
export type LocaleChoice = 'en-US' | 'ko' | 'ja';

export async function loadConfig(): Promise<SandboxConfig> {
  const response = await fetch('/sandbox-config.json');
  if (!response.ok) throw new Error(`sandbox config: HTTP ${response.status}`);
  return (await response.json()) as SandboxConfig;
}
