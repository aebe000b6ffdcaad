/**
 * Fixed vocabularies of intake. They are seeded into reference tables (so rows can join them)
 * but their codes are part of the contract: the KPIs depend on them (collector channels, consultations).
 */
export type ChannelGroup = 'public' | 'collector';

export const CHANNELS = [
  { code: 'phone', name: '电话', group: 'public' },
  { code: 'web', name: '网站', group: 'public' },
  { code: 'wechat', name: '微信', group: 'public' },
  { code: 'app', name: 'APP', group: 'public' },
  { code: 'sms', name: '短信', group: 'public' },
  { code: 'email', name: '邮件', group: 'public' },
  { code: 'mayor_mailbox', name: '领导信箱', group: 'public' },
  { code: 'province', name: '省平台转办', group: 'public' },
  { code: 'haochaping', name: '好差评', group: 'public' },
  { code: 'state_council', name: '国务院互联网+督查', group: 'public' },
  // third-party apps filing through Open311 GeoReport v2 (libs/server/integrations)
  { code: 'open311', name: 'Open311接入', group: 'public' },
  { code: 'patrol', name: '路面巡查', group: 'collector' },
  { code: 'video', name: '视频监控', group: 'collector' },
] as const satisfies readonly { code: string; name: string; group: ChannelGroup }[];
export type ChannelCode = (typeof CHANNELS)[number]['code'];
/** The report's 互联网渠道: online channels other than the phone. */
export const INTERNET_CHANNELS: readonly ChannelCode[] = ['web', 'wechat', 'app', 'email', 'mayor_mailbox'];

export const APPEAL_TYPES = [
  { code: 'consult', name: '咨询' },
  { code: 'help', name: '求助' },
  { code: 'complaint', name: '投诉' },
  { code: 'report', name: '举报' },
  { code: 'suggestion', name: '建议' },
  { code: 'praise', name: '表扬' },
  { code: 'thanks', name: '感谢' },
  { code: 'other', name: '其他' },
] as const;
export type AppealTypeCode = (typeof APPEAL_TYPES)[number]['code'];
