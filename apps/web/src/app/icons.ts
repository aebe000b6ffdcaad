import { IconDefinition } from '@ant-design/icons-angular';
import * as ICON_SET from './icon-set';

/**
 * The icons the app's own templates use, bundled statically so nothing is fetched at run time; the list is
 * icon-set.ts, so adding one is one line. ng-zorro registers the ones its components need (arrows, close,
 * calendar, search …) itself.
 */
export const APP_ICONS: IconDefinition[] = Object.values(ICON_SET);
