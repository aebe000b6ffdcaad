import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WorkCalendar, type HolidayEntry } from '@hotline/domain';
import { ChangeBus, CHANGES } from '@hotline/server-platform';

const TTL_MS = 5 * 60_000;

/** The working-day calendar built from the holiday table (admins can edit it), cached per process until an edit. */
@Injectable()
export class CalendarProvider {
  private cached: { at: number; cal: WorkCalendar } | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    bus: ChangeBus,
  ) {
    bus.on(CHANGES.holidays, () => (this.cached = null));
  }

  async calendar(): Promise<WorkCalendar> {
    if (this.cached && Date.now() - this.cached.at < TTL_MS) return this.cached.cal;
    const rows: { day: string | Date; kind: 'holiday' | 'workday'; name: string }[] = await this.ds.query(
      'SELECT DATE_FORMAT(day, "%Y-%m-%d") AS day, kind, name FROM holiday',
    );
    const entries: HolidayEntry[] = rows.map((r) => ({ date: String(r.day), kind: r.kind, name: r.name }));
    this.cached = { at: Date.now(), cal: new WorkCalendar(entries) };
    return this.cached.cal;
  }
}
