import { TIMER_KINDS } from '@hotline/contracts';
import { chinaTime, noticeText } from './notice-text';

describe('notice text', () => {
  it('shows deadlines in China time', () => {
    expect(chinaTime(new Date('2020-09-30T08:30:00Z'))).toBe('2020-09-30 16:30');
  });

  it('has words for every timer kind, naming the order and the deadline', () => {
    for (const kind of TIMER_KINDS) {
      const t = noticeText(kind, '20200930000123', new Date('2020-10-09T01:30:00Z'));
      expect(t.title).toContain('20200930000123');
      expect(t.body).toContain('2020-10-09 09:30');
    }
  });
});
