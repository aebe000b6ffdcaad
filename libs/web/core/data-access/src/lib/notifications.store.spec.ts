import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TOKEN_KEY, USER_KEY } from './auth.store';
import { NOTIFICATION_STREAM_URL, NotificationsStore, toNotification } from './notifications.store';

describe('NotificationsStore', () => {
  const realFetch = globalThis.fetch;

  beforeEach(() => {
    jest.useFakeTimers();
    localStorage.setItem(TOKEN_KEY, 'tok');
    localStorage.setItem(
      USER_KEY,
      JSON.stringify({
        id: 1,
        username: 'u',
        displayName: 'U',
        role: 'unit_handler',
        unitId: 3,
        unitName: '市住建局',
      }),
    );
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    jest.useRealTimers();
    localStorage.clear();
  });

  it('treats a 404 stream as "no notifications yet" and does not retry', async () => {
    const fetchMock = jest.fn().mockResolvedValue({ status: 404, ok: false, body: null });
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    const store = TestBed.inject(NotificationsStore);
    await store.connect();
    expect(fetchMock).toHaveBeenCalledWith(
      NOTIFICATION_STREAM_URL,
      expect.objectContaining({
        headers: expect.objectContaining({ Authorization: 'Bearer tok' }),
      }),
    );
    expect(store.available()).toBe(false);
    jest.advanceTimersByTime(120_000);
    await store.connect();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('retries after a network failure', async () => {
    const fetchMock = jest.fn().mockRejectedValue(new TypeError('network'));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    const store = TestBed.inject(NotificationsStore);
    await store.connect();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(2000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    store.disconnect();
  });

  it('counts unread notifications and marks them read', () => {
    globalThis.fetch = jest.fn() as unknown as typeof fetch;
    const store = TestBed.inject(NotificationsStore);
    const n = toNotification({
      event: 'message',
      data: '{"id":"1","title":"工单即将超期","orderId":5}',
      id: null,
    });
    expect(n).toMatchObject({
      id: '1',
      title: '工单即将超期',
      orderId: 5,
      read: false,
    });
    store.add(n as NonNullable<typeof n>);
    store.add(n as NonNullable<typeof n>); // same id: kept once
    expect(store.unreadCount()).toBe(1);
    store.markAllRead();
    expect(store.unreadCount()).toBe(0);
  });

  it('ignores heartbeats and reads plain-text events as titles', () => {
    expect(toNotification({ event: 'ping', data: '', id: null })).toBeNull();
    expect(toNotification({ event: 'message', data: '新的督办', id: '9' })).toMatchObject({ id: '9', title: '新的督办' });
  });
  it('resumes a dropped stream from the last event id it read, and a new login from the newest', async () => {
    const encoder = new TextEncoder();
    const streamOf = (text: string) => {
      let sent = false;
      return {
        status: 200,
        ok: true,
        body: {
          getReader: () => ({
            read: async () => {
              if (sent) return { done: true, value: undefined };
              sent = true;
              return { done: false, value: encoder.encode(text) };
            },
          }),
        },
      };
    };
    const fetchMock = jest
      .fn()
      .mockResolvedValueOnce(streamOf('id: 40\nevent: ready\ndata: {"unread":0}\n\nid: 41\nevent: notification\ndata: {"id":41,"title":"工单即将超期"}\n\n'))
      .mockResolvedValue(streamOf('id: 41\nevent: ping\ndata: {}\n\n'));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    const store = TestBed.inject(NotificationsStore);
    await store.connect(); // reads two events, then the connection drops
    expect(store.items().map((n) => n.title)).toEqual(['工单即将超期']);
    expect(fetchMock.mock.calls[0][1].headers['Last-Event-ID']).toBeUndefined();
    jest.advanceTimersByTime(2000);
    await Promise.resolve();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock.mock.calls[1][1].headers['Last-Event-ID']).toBe('41');
    store.reset();
    await store.connect();
    expect(fetchMock.mock.calls[2][1].headers['Last-Event-ID']).toBeUndefined();
    store.disconnect();
  });
});
