import { Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { OrderEventStream, OrdersModule } from '@hotline/server-orders';
import { ReferenceDataModule } from '@hotline/server-reference-data';
import { DeadLettersService } from './events/dead-letters.service';
import { IntegrationsAdminController } from './integrations-admin.controller';
import { IntegrationsConfig, integrationsConfig } from './integrations.config';
import { EXCHANGE_ADAPTER, exchangeAdapter } from './exchange/exchange-adapter';
import { EXCHANGE_SUBSCRIBER, ExchangeReporter } from './exchange/exchange-reporter';
import { ExchangeService } from './exchange/exchange.service';
import { Open311KeysService } from './open311/open311-keys.service';
import { registerOpen311 } from './open311/open311.routes';
import { Open311Service } from './open311/open311.service';
import { SmsAdminService } from './sms/sms-admin.service';
import { smsGateway } from './sms/sms-gateway';
import { SMS_GATEWAY } from './sms/sms-gateway.token';
import { SMS_SUBSCRIBER, SmsSender } from './sms/sms-sender';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhooksService } from './webhooks/webhooks.service';

const CONFIG = { provide: IntegrationsConfig, useFactory: integrationsConfig };
const GATEWAY = { provide: SMS_GATEWAY, inject: [IntegrationsConfig], useFactory: smsGateway };
/** The stream's readers: registered by the worker module; the API module has them too, for tests to drive by hand. */
const READERS = [SmsSender, WebhookDispatcher, ExchangeReporter];
const ADAPTER = { provide: EXCHANGE_ADAPTER, inject: [IntegrationsConfig], useFactory: exchangeAdapter };

/**
 * The API side: admin endpoints (SMS, webhooks, dead letters, Open311 keys) and Open311 GeoReport v2 at /open311/v2.
 * Registers no reader of the stream.
 */
@Module({
  imports: [OrdersModule, ReferenceDataModule],
  controllers: [IntegrationsAdminController],
  providers: [CONFIG, GATEWAY, ADAPTER, ...READERS, SmsAdminService, WebhooksService, DeadLettersService, Open311KeysService, Open311Service, ExchangeService],
  exports: READERS,
})
export class IntegrationsModule implements OnModuleInit {
  constructor(
    private readonly http: HttpAdapterHost,
    private readonly open311: Open311Service,
  ) {}

  onModuleInit(): void {
    const fastify = this.http.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (fastify?.register) registerOpen311(fastify, this.open311);
  }
}

/** How often the worker looks at the webhook table for receivers added or removed. */
const WEBHOOK_SYNC_MS = 2_000;

/** The worker side: registers the SMS sender, the exchange reporter and one reader per webhook on the order-event stream. No HTTP routes. */
@Module({
  imports: [OrdersModule, ReferenceDataModule],
  providers: [CONFIG, GATEWAY, ADAPTER, ...READERS],
})
export class IntegrationsWorkerModule implements OnModuleInit, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly stream: OrderEventStream,
    private readonly sms: SmsSender,
    private readonly webhooks: WebhookDispatcher,
    private readonly exchange: ExchangeReporter,
  ) {}

  onModuleInit(): void {
    this.stream.register(SMS_SUBSCRIBER, this.sms);
    this.stream.register(EXCHANGE_SUBSCRIBER, this.exchange);
    // not awaited: a slow database must not hold the worker's start (and its health check) back
    const sync = () => void this.webhooks.sync().catch(() => undefined);
    sync();
    this.timer = setInterval(sync, WEBHOOK_SYNC_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
