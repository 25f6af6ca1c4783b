// Failed sign-ins to a simulator are throttled like a real vendor's: after a few failures per login (and
// many overall) in a minute, sign-in answers "too many attempts" until the window passes. Wall-clock time,
// not the simulated clock: moving the world forward a day must not reset it.

export interface LoginThrottleOptions {
  /** Failures per login name in a window before sign-in is refused. */
  perLogin?: number;
  /** Failures across all login names in a window (guessing names instead of passwords). */
  overall?: number;
  windowMs?: number;
  now?: () => number;
}

interface Window {
  startedAt: number;
  failures: number;
}

const OVERALL = "\u0000overall";
/** At most this many login names are remembered; the oldest windows are dropped first. */
const MAX_TRACKED = 10_000;

export class LoginThrottle {
  private readonly windows = new Map<string, Window>();
  private readonly perLogin: number;
  private readonly overall: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    this.perLogin = options.perLogin ?? 10;
    this.overall = options.overall ?? 100;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  private current(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && this.now() - window.startedAt >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  /** Seconds until this login may be tried again; 0 when it may be tried now. */
  retryAfterSeconds(login: string): number {
    const blocked = [
      [this.current(login.toLowerCase()), this.perLogin],
      [this.current(OVERALL), this.overall],
    ] as const;
    let wait = 0;
    for (const [window, limit] of blocked) {
      if (window && window.failures >= limit) wait = Math.max(wait, window.startedAt + this.windowMs - this.now());
    }
    return Math.ceil(wait / 1000);
  }

  failed(login: string): void {
    for (const key of [login.toLowerCase(), OVERALL]) {
      const window = this.current(key) ?? { startedAt: this.now(), failures: 0 };
      window.failures++;
      this.windows.delete(key);
      this.windows.set(key, window);
    }
    while (this.windows.size > MAX_TRACKED) this.windows.delete(this.windows.keys().next().value!);
  }

  succeeded(login: string): void {
    this.windows.delete(login.toLowerCase());
  }
}
