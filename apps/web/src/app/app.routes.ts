import { Route } from '@angular/router';
import { adminRoutes } from '@hotline/web-admin-feature';
import { knowledgeRoutes } from '@hotline/web-knowledge-feature';
import { ordersRoutes } from '@hotline/web-orders-feature';
import { reportingRoutes } from '@hotline/web-reporting-feature';
import { shellRoutes } from '@hotline/web-shell-feature';
import { telephonyRoutes } from '@hotline/web-telephony';

/** Login, then each role's workspaces inside the logged-in frame; every screen is a lazy chunk. */
export const appRoutes: Route[] = shellRoutes([...ordersRoutes, ...reportingRoutes, ...knowledgeRoutes, ...adminRoutes, ...telephonyRoutes]);
