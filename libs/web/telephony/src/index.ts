export * from './lib/telephony.routes';
export * from './lib/telephony.store';
export * from './lib/agent-desk';
export * from './lib/call-pop';
