import { SseParser } from './sse';

describe('SseParser', () => {
  it('assembles events across chunk boundaries and skips comments', () => {
    const p = new SseParser();
    expect(p.push(': keep-alive\n\nevent: order\nda')).toEqual([]);
    expect(p.push('ta: {"title":"新工单"}\nid: 7\n\n')).toEqual([{ event: 'order', data: '{"title":"新工单"}', id: '7' }]);
  });

  it('joins multi-line data and accepts CRLF', () => {
    const p = new SseParser();
    expect(p.push('data: a\r\ndata: b\r\n\r\n')).toEqual([{ event: 'message', data: 'a\nb', id: null }]);
  });
});
