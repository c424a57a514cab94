/**
 * A limit on how often one person may call the expensive endpoints (assessments, documents,
 * exports, imports, uploads): a fixed one-minute window per key, kept in this process.
 *
 * In memory on purpose: what it protects is this process's CPU, so each process counting its own
 * requests is the right measure, and a shared counter would cost a database write per request.
 * (Failed sign-ins, which guard accounts rather than CPU, are counted in the database.)
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    /** Milliseconds since some fixed moment: the only clock this reads, so tests can move it. */
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Counts one request; the seconds to wait when over the limit, else 0. */
  take(key: string): number {
    const t = this.now();
    const w = this.windows.get(key);
    if (!w || t - w.start >= 60_000) {
      if (this.windows.size > 10_000) this.prune(t);
      this.windows.set(key, { start: t, count: 1 });
      return 0;
    }
    w.count++;
    return w.count > this.perMinute ? Math.ceil((w.start + 60_000 - t) / 1000) : 0;
  }

  private prune(t: number): void {
    for (const [key, w] of this.windows) if (t - w.start >= 60_000) this.windows.delete(key);
  }
}
