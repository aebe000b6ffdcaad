import { HistoryEntry, SATISFACTION_LABELS, Satisfaction } from '@hotline/contracts';
import { OrderLookups } from './lookups';

/** Short readable lines for a history entry's `data` (the comment is shown on its own). */
export function describeHistoryData(entry: HistoryEntry, lookups: Pick<OrderLookups, 'unitName'>): string[] {
  const d = entry.data ?? {};
  const lines: string[] = [];
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const unitId = num(d['unitId']);
  if (unitId !== null) lines.push(`承办单位：${lookups.unitName(unitId)}`);
  if (Array.isArray(d['coUnitIds']) && d['coUnitIds'].length) {
    lines.push(`协办单位：${(d['coUnitIds'] as number[]).map((id) => lookups.unitName(id)).join('、')}`);
  }
  const days = num(d['days']);
  if (days !== null) lines.push(`延期 ${days} 个工作日`);
  const satisfaction = str(d['satisfaction']);
  if (satisfaction) lines.push(`满意度：${SATISFACTION_LABELS[satisfaction as Satisfaction] ?? satisfaction}`);
  if (typeof d['solved'] === 'boolean') lines.push(d['solved'] ? '已解决' : '未解决');
  if (d['reopen'] === true) lines.push('重新办理');
  for (const [key, label] of [
    ['reason', '原因'],
    ['answer', '答复'],
    ['content', '内容'],
  ] as const) {
    const v = str(d[key]);
    if (v && v !== entry.comment) lines.push(`${label}：${v}`);
  }
  const feedbackDays = num(d['feedbackDays']);
  if (feedbackDays !== null) lines.push(`限 ${feedbackDays} 个工作日内反馈`);
  const masterNumber = str(d['masterNumber']);
  if (masterNumber) lines.push(`并入：${masterNumber}`);
  return lines;
}

/** nz-timeline colours: red for overdue and refusals, orange for pressure (urging, supervision). */
export function historyColor(entry: HistoryEntry): string {
  if (['sign-overdue', 'handle-overdue', 'callback-overdue', 'supervision-overdue', 'escalate'].includes(entry.action)) return 'red';
  if (['return', 'send-back', 'reject-return', 'reject-extension'].includes(entry.action)) return 'red';
  if (['urge', 'auto-urge', 'supervise', 'pre-warning', 'instruct'].includes(entry.action)) return '#fa8c16';
  if (['close', 'direct-answer', 'accept-reply', 'reply'].includes(entry.action)) return 'green';
  if (entry.actorRole === 'system') return 'gray';
  return 'blue';
}
