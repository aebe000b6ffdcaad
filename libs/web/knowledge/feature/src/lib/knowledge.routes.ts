import { Route } from '@angular/router';
import { workspaceGuard } from '@hotline/web-core-data-access';

/** 知识库 (/knowledge): a lazy chunk; the intake panel and the order-page parts are imported by those pages. */
export const knowledgeRoutes: Route[] = [
  {
    path: 'knowledge',
    title: '知识库 · 12345',
    canMatch: [workspaceGuard('knowledge')],
    loadComponent: () => import('./page/knowledge-page').then((m) => m.KnowledgePage),
  },
];
