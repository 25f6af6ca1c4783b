// The simulators' clock: real time plus an offset that tests move forward with `advance`.

export class SimClock {
  private offsetMs = 0;

  /** `startAt`: the simulated time to begin at, in the past too (the demo replays its last days from there). */
  constructor(
    private readonly realNow: () => number = Date.now,
    startAt?: number,
  ) {
    if (startAt !== undefined) this.offsetMs = startAt - realNow();
  }

  now(): number {
    return this.realNow() + this.offsetMs;
  }

  /** Moves simulated time forward; the world catches up on its next request. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new Error("the clock only moves forward");
    this.offsetMs += ms;
    return this.now();
  }

  /** Jumps to an absolute time, never backwards. */
  set(epochMs: number): number {
    if (epochMs > this.now()) this.offsetMs += epochMs - this.now();
    return this.now();
  }
}
