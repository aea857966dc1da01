import { Injectable } from '@nestjs/common';
import { localDate } from '@unionhome/shared';

/**
 * The one source of "now". Tests move it (`set`, `advance`) to exercise expiries, deadlines and
 * the no-show job without sleeping; production never touches it.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;
  private fixed: number | null = null;

  now(): Date {
    return new Date(this.fixed ?? Date.now() + this.offsetMs);
  }

  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today(): string {
    return localDate(this.now());
  }

  set(instant: Date | string): void {
    this.fixed = new Date(instant).getTime();
  }

  advance(ms: number): void {
    if (this.fixed !== null) this.fixed += ms;
    else this.offsetMs += ms;
  }

  reset(): void {
    this.fixed = null;
    this.offsetMs = 0;
  }
}
