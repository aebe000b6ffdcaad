import type { NotificationView } from '@hotline/contracts';
import type { NotificationEntity } from './entities';

export function toNotificationView(n: NotificationEntity, orderNumber: string | null): NotificationView {
  return {
    id: Number(n.id),
    kind: n.kind as NotificationView['kind'],
    orderId: n.orderId == null ? null : Number(n.orderId),
    orderNumber,
    unitId: n.unitId,
    title: n.title,
    body: n.body,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}
