import { Injectable } from '@nestjs/common';

/** The time source of the order service; the demo seeder replays months of work by setting it. */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  set(at: Date | null): void {
    this.fixed = at;
  }
}
