import type { TimerKind } from '@hotline/contracts';

/** China wall-clock time, 'YYYY-MM-DD HH:mm', whatever the server's TZ. */
export function chinaTime(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3_600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

/** The words of a timer's notice and history comment. */
export function noticeText(kind: TimerKind, orderNumber: string, deadlineAt: Date): { title: string; body: string } {
  const at = chinaTime(deadlineAt);
  switch (kind) {
    case 'sign-prewarn':
      return { title: `工单 ${orderNumber} 签收临期`, body: `请在 ${at} 前签收。` };
    case 'sign-overdue':
      return { title: `工单 ${orderNumber} 签收超时，已自动催办`, body: `签收时限 ${at} 已过，请立即签收。` };
    case 'handle-prewarn':
      return { title: `工单 ${orderNumber} 办理临期`, body: `办理时限 ${at}，请抓紧办理并回复。` };
    case 'handle-overdue':
      return { title: `工单 ${orderNumber} 办理超期，已自动催办`, body: `办理时限 ${at} 已过，请尽快办结回复。` };
    case 'escalate':
      return { title: `工单 ${orderNumber} 长期超期，已升级督办`, body: `办理时限 ${at} 已过且仍未办结，已列入督办队列。` };
    case 'callback-overdue':
      return { title: `工单 ${orderNumber} 回访超时`, body: `回访时限 ${at} 已过，请尽快回访。` };
    case 'supervision-overdue':
      return { title: `工单 ${orderNumber} 督办反馈超时`, body: `督办反馈时限 ${at} 已过，承办单位尚未反馈。` };
  }
}
