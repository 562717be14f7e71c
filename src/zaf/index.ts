export type { ZafClient, ZafRequestOptions } from './client.ts';
export { connectToZendesk } from './connect.ts';
export type { AppContext, AppMetadata, Connection, RouteTarget, ZendeskSession } from './connect.ts';
export { parseCurrentUser, isAdmin } from './current-user.ts';
export type { AgentRole, CurrentUser } from './current-user.ts';
export { DEFAULT_SETTINGS, parseAppSettings } from './settings.ts';
export type { AppSettings, SettingName, SettingProblem } from './settings.ts';
export { zafTransport } from './transport.ts';
