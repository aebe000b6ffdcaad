import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  DeadLetterView,
  ExchangeLinkView,
  RectificationSummary,
  Open311KeyIssued,
  Open311KeyView,
  SmsMessageView,
  SmsTemplateView,
  WebhookView,
} from '@hotline/contracts';
import { CurrentUser, Roles, type AuthUser } from '@hotline/server-identity';
import { ParseIdPipe } from '@hotline/server-platform';
import { CreateOpen311KeyDto, CreateWebhookDto, ReceiveUpstreamOrderDto, DeadLettersQueryDto, MessagesQueryDto, OptOutDto, UpdateSmsTemplateDto } from './dto';
import { DeadLettersService } from './events/dead-letters.service';
import { ExchangeService } from './exchange/exchange.service';
import { Open311KeysService } from './open311/open311-keys.service';
import { SmsAdminService } from './sms/sms-admin.service';
import { WebhooksService } from './webhooks/webhooks.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class IntegrationsAdminController {
  constructor(
    private readonly sms: SmsAdminService,
    private readonly webhooks: WebhooksService,
    private readonly letters: DeadLettersService,
    private readonly keys: Open311KeysService,
    private readonly exchange: ExchangeService,
  ) {}

  /** An order pushed down by the provincial platform / 互联网+督查 (the simulated upstream and manual re-keying use it). */
  @Post('exchange/orders') @HttpCode(200) receive(@CurrentUser() user: AuthUser, @Body() dto: ReceiveUpstreamOrderDto): Promise<ExchangeLinkView> {
    return this.exchange.receive(user, dto);
  }

  @Get('exchange/orders') links(): Promise<ExchangeLinkView[]> {
    return this.exchange.links();
  }

  @Get('exchange/orders/:id') link(@Param('id', ParseIdPipe) id: number): Promise<ExchangeLinkView> {
    return this.exchange.link(id);
  }

  @Get('exchange/rectification') rectification(): Promise<RectificationSummary> {
    return this.exchange.rectification();
  }

  @Get('open311/keys') listKeys(): Promise<Open311KeyView[]> {
    return this.keys.list();
  }

  @Post('open311/keys') issueKey(@CurrentUser() user: AuthUser, @Body() dto: CreateOpen311KeyDto): Promise<Open311KeyIssued> {
    return this.keys.issue(user, dto.name);
  }

  @Delete('open311/keys/:id') @HttpCode(204) revokeKey(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.keys.revoke(user, id);
  }

  @Get('sms/templates') templates(): Promise<SmsTemplateView[]> {
    return this.sms.templates();
  }

  @Put('sms/templates/:code') updateTemplate(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() dto: UpdateSmsTemplateDto,
  ): Promise<SmsTemplateView> {
    return this.sms.updateTemplate(user, code, dto);
  }

  @Get('messages') messages(@Query() q: MessagesQueryDto): Promise<SmsMessageView[]> {
    return this.sms.messages(q);
  }

  @Get('sms/opt-outs') optOuts(): Promise<{ phone: string; createdAt: string }[]> {
    return this.sms.optOuts();
  }

  @Post('sms/opt-outs') @HttpCode(204) optOut(@CurrentUser() user: AuthUser, @Body() dto: OptOutDto): Promise<void> {
    return this.sms.optOut(user, dto.phone);
  }

  @Delete('sms/opt-outs/:phone') @HttpCode(204) optIn(@CurrentUser() user: AuthUser, @Param() dto: OptOutDto): Promise<void> {
    return this.sms.optIn(user, dto.phone);
  }

  @Get('webhooks') listWebhooks(): Promise<WebhookView[]> {
    return this.webhooks.list();
  }

  @Post('webhooks') createWebhook(@CurrentUser() user: AuthUser, @Body() dto: CreateWebhookDto): Promise<WebhookView> {
    return this.webhooks.create(user, dto);
  }

  @Delete('webhooks/:id') @HttpCode(204) removeWebhook(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.webhooks.remove(user, id);
  }

  @Get('events/dead-letters') deadLetters(@Query() q: DeadLettersQueryDto): Promise<DeadLetterView[]> {
    return this.letters.list(q);
  }

  @Post('events/dead-letters/:id/replay') @HttpCode(200) replay(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: number,
  ): Promise<DeadLetterView[]> {
    return this.letters.replay(user, id);
  }
}
