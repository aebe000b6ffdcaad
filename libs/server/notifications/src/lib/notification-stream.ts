import { Injectable, Logger, type MessageEvent, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { Observable, Subject } from 'rxjs';
import type { NotificationView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { AppConfig, createRedis } from '@hotline/server-platform';
import { notificationChannel, signalChannel, type UserSignal, type WrittenNotice } from './notification-writer';
import { NotificationsService } from './notifications.service';

const PING_MS = 25_000;
/** Ids a stream remembers having sent (it drops the oldest beyond this). */
const SENT_KEPT = 1000;

/**
 * Live notices for server-sent-event streams. Whichever process writes a notice publishes it on Redis; every API
 * instance relays it to the streams of its addressee. A stream that reconnects with Last-Event-ID gets what it
 * missed from the table first, so a lost publish or a restart costs latency, not notices.
 */
@Injectable()
export class NotificationStream implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NotificationStream.name);
  private readonly live = new Subject<WrittenNotice>();
  private readonly signals = new Subject<UserSignal>();
  private subscriber: Redis | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    const channel = notificationChannel(this.config.QUEUE_PREFIX);
    this.subscriber = createRedis(this.config.REDIS_URL, 'api-notifications');
    const signals = signalChannel(this.config.QUEUE_PREFIX);
    this.subscriber.on('message', (from: string, message: string) => {
      try {
        if (from === signals) this.signals.next(JSON.parse(message) as UserSignal);
        else for (const n of JSON.parse(message) as WrittenNotice[]) this.live.next(n);
      } catch (e) {
        this.logger.warn(`unreadable notice on ${channel}: ${(e as Error).message}`);
      }
    });
    // not awaited: the API starts while Redis is down, and ioredis subscribes again on every reconnect
    this.subscriber.subscribe(channel, signals).catch((e: Error) => this.logger.warn(`cannot subscribe to ${channel}: ${e.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    this.live.complete();
    this.signals.complete();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /**
   * The caller's stream: 'ready' (with the unread count), missed notices after `lastEventId`, then live ones.
   * Every event carries an id in the notices' id space — 'ready' and 'ping' the newest notice the stream stands at —
   * because an event without one gets Nest's own counter (1, 2, 3 …), which a reconnecting EventSource would send
   * back as Last-Event-ID and so be replayed every notice after 1, 2, 3 … (issue 15, item 8).
   */
  events(user: AuthUser, lastEventId: number | null): Observable<MessageEvent> {
    return new Observable<MessageEvent>((sub) => {
      // notices at or below the mark the stream starts from are the client's already; above it, each is sent once.
      // Ids are not in commit order (two workers' transactions interleave), so a notice below one already sent may
      // still be new: it is sent, not dropped, and a resume may then repeat a few (clients drop ids they have).
      let mark = lastEventId ?? 0;
      let lastId = mark;
      const sent = new Set<number>();
      let buffer: NotificationView[] | null = [];
      const emit = (v: NotificationView) => {
        if (v.id <= mark || sent.has(v.id)) return;
        sent.add(v.id);
        if (sent.size > SENT_KEPT) sent.delete(sent.values().next().value as number);
        lastId = v.id;
        sub.next({ id: String(v.id), type: 'notification', data: v });
      };
      // listen first, then read the backlog, so nothing falls between the two
      const live = this.live.subscribe((n) => {
        if (n.userId !== user.id) return;
        if (buffer) buffer.push(n.view);
        else emit(n.view);
      });
      // signals are not stored, so they need no backlog: they go out as they come, carrying the stream's notice id
      // (an id-less event would get Nest's counter); one that comes before 'ready' waits for it, when that id is known
      const early: { type: string; data: object }[] = [];
      const signal = (e: { type: string; data: object }) => sub.next({ id: String(lastId), ...e });
      const signals = this.signals.subscribe((s) => {
        if (s.userId !== user.id) return;
        const e = { type: s.type, data: s.data as object };
        if (buffer) early.push(e);
        else signal(e);
      });
      // a ping repeats the last id sent, so it never moves the client's Last-Event-ID
      const ping = setInterval(() => buffer === null && sub.next({ id: String(lastId), type: 'ping', data: {} }), PING_MS);
      (async () => {
        const [unread, missed, latest] = await Promise.all([
          this.notifications.unread(user.id),
          lastEventId != null ? this.notifications.since(user.id, lastEventId) : Promise.resolve({ items: [], skipped: 0 }),
          lastEventId != null ? Promise.resolve(lastEventId) : this.notifications.latestId(user.id),
        ]);
        // a fresh stream starts at the newest notice (the unread count covers the older ones), a resumed one where it was
        mark = latest;
        lastId = latest;
        // skipped: older missed notices not replayed (only the newest 200 are)
        sub.next({ id: String(latest), type: 'ready', data: missed.skipped ? { unread, skipped: missed.skipped } : { unread } });
        missed.items.forEach(emit);
        const pending = buffer ?? [];
        buffer = null;
        pending.sort((a, b) => a.id - b.id).forEach(emit);
        early.splice(0).forEach(signal);
      })().catch((e: Error) => sub.error(e));
      return () => {
        live.unsubscribe();
        signals.unsubscribe();
        clearInterval(ping);
      };
    });
  }
}
