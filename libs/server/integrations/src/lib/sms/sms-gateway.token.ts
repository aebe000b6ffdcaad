export type { SmsGateway } from './sms-gateway';
/** The Nest token of the configured SmsGateway (sms-gateway.ts: `log` or `http`). */
export const SMS_GATEWAY = Symbol('SMS_GATEWAY');
