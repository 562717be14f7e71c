import type { Route } from '../router.ts';
import { fieldRoutes } from './fields.ts';
import { organizationRoutes } from './organizations.ts';
import { userRoutes } from './users.ts';

/** Literal routes come before `:id` ones within each list, so `users/me` never reads as an id. */
export const ALL_ROUTES: readonly Route[] = [...userRoutes, ...organizationRoutes, ...fieldRoutes];
