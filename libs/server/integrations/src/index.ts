export * from './lib/integrations.module';
export * from './lib/integrations.config';
export * from './lib/sms/sms-sender';
export * from './lib/sms/sms-template';
export * from './lib/sms/sms-gateway';
export * from './lib/webhooks/webhook-dispatcher';
export * from './lib/webhooks/webhook-signature';
export * from './lib/webhooks/webhooks.service';
