// A task run at most once per interval and never two at once (an answer from the worker can take
// longer than the interval): asked while it runs, it runs once more after. The drawing pad's
// predictions and the feature maps ask on every stroke or batch; this keeps them to a few a second.
/** Runs its task at most once per `ms` and never two at once; asked while one runs, it runs again after. */
export class Throttle {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last = -Infinity;
  private busy = false;
  private again = false;
  constructor(
    private readonly ms: number,
    private readonly task: () => Promise<void>,
  ) {}
  ask(): void {
    if (this.busy) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => void this.run(), Math.max(0, this.last + this.ms - performance.now()));
  }
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
  private async run(): Promise<void> {
    this.timer = null;
    this.busy = true;
    this.last = performance.now();
    try {
      await this.task();
    } finally {
      this.busy = false;
      if (this.again) {
        this.again = false;
        this.ask();
      }
    }
  }
}
