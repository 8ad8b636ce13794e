/** The mock backend's time. Tests set it; the browser and the HTTP server follow the wall clock. */
export interface Clock {
  now(): number;
}

export class MockClock implements Clock {
  private offset = 0;
  private fixed: number | null = null;

  now(): number {
    return this.fixed ?? Date.now() + this.offset;
  }

  /** Freeze time at `ms` (tests). */
  set(ms: number): void {
    this.fixed = ms;
  }

  advance(ms: number): void {
    if (this.fixed !== null) this.fixed += ms;
    else this.offset += ms;
  }

  /** How far ahead of the wall clock it runs (saved with the mock's state: Advance time). */
  getOffset(): number {
    return this.offset;
  }

  setOffset(ms: number): void {
    this.offset = ms;
  }

  /** Follow the wall clock again. */
  useRealTime(): void {
    this.fixed = null;
    this.offset = 0;
  }
}
