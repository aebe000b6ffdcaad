export * from './lib/telephony.module';
export * from './lib/cti-event';
export * from './lib/cti.service';
export * from './lib/calls.service';
export * from './lib/mappers';
