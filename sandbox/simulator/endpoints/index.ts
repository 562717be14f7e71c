import type { Route } from '../router.ts';
import { customObjectRecordRoutes } from './custom-object-records.ts';
import { customObjectRoutes } from './custom-objects.ts';
import { fieldRoutes } from './fields.ts';
import { macroRoutes } from './macros.ts';
import { identityRoutes } from './identities.ts';
import { organizationRoutes } from './organizations.ts';
import { searchRoutes } from './search.ts';
import { ticketRoutes } from './tickets.ts';
import { triggerRoutes } from './triggers.ts';
import { userRoutes } from './users.ts';
import { viewRoutes } from './views.ts';
import { workspaceRoutes } from './workspace.ts';

/** Literal routes come before `:id` ones within each list, so `users/me` never reads as an id. */
export const ALL_ROUTES: readonly Route[] = [
  ...userRoutes,
  ...identityRoutes,
  ...organizationRoutes,
  ...fieldRoutes,
  ...searchRoutes,
  ...ticketRoutes,
  ...viewRoutes,
  ...triggerRoutes,
  ...workspaceRoutes,
  ...macroRoutes,
  ...customObjectRoutes,
  ...customObjectRecordRoutes,
];
