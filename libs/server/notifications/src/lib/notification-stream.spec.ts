import type { MessageEvent } from '@nestjs/common';
import type { NotificationView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import type { AppConfig } from '@hotline/server-platform';
import { NotificationStream } from './notification-stream';
import type { WrittenNotice } from './notification-writer';
import type { NotificationsService } from './notifications.service';

/** The stream's ids (issue 15, item 8) and live notices that arrive out of id order (two workers' commits interleave). */
describe('NotificationStream.events', () => {
  const user = { id: 7 } as AuthUser;
  const view = (id: number) => ({ id, title: `n${id}` }) as unknown as NotificationView;
  const setup = (latest: number, missed: number[] = []) => {
    const service = {
      unread: async () => 3,
      latestId: async () => latest,
      since: async () => ({ items: missed.map(view), skipped: 0 }),
    } as unknown as NotificationsService;
    const stream = new NotificationStream({ QUEUE_PREFIX: 't', REDIS_URL: 'redis://x' } as AppConfig, service);
    const live = (stream as unknown as { live: { next(n: WrittenNotice): void } }).live;
    const got: MessageEvent[] = [];
    return { stream, got, push: (id: number) => live.next({ userId: user.id, view: view(id) }) };
  };
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it("gives 'ready' the newest notice's id, not Nest's counter, on a fresh stream", async () => {
    const { stream, got } = setup(42);
    const s = stream.events(user, null).subscribe((e) => got.push(e));
    await flush();
    expect(got).toEqual([{ id: '42', type: 'ready', data: { unread: 3 } }]);
    s.unsubscribe();
  });

  it('sends a live notice whose id is below one already sent (a later commit), once; not those at or below the start', async () => {
    const { stream, got, push } = setup(10);
    const s = stream.events(user, null).subscribe((e) => got.push(e));
    await flush();
    for (const id of [12, 11, 12, 9, 10, 13]) push(id);
    expect(got.filter((e) => e.type === 'notification').map((e) => e.id)).toEqual(['12', '11', '13']);
    s.unsubscribe();
  });

  it('resumes after Last-Event-ID with what was missed, and ready carries that id', async () => {
    const { stream, got } = setup(99, [6, 8]);
    const s = stream.events(user, 5).subscribe((e) => got.push(e));
    await flush();
    expect(got.map((e) => [e.type, e.id])).toEqual([
      ['ready', '5'],
      ['notification', '6'],
      ['notification', '8'],
    ]);
    s.unsubscribe();
  });
});
