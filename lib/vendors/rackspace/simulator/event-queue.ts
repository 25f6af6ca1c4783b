// The scheduler's agenda: a binary min-heap of (time, configuration) events, so catching up on a day of a
// 10,000-agent fleet touches only the occurrences that fall in that day, in time order. Ties break on the
// configuration id, which keeps id allocation independent of how often the clock is polled.
import type { BackupConfiguration } from "./model";

export interface ScheduledEvent {
  at: number;
  configuration: BackupConfiguration;
  /** "scheduled": the configuration's next occurrence; "manual": a manual run replayed into the initial history. */
  kind: "scheduled" | "manual";
}

function before(a: ScheduledEvent, b: ScheduledEvent): boolean {
  return a.at < b.at || (a.at === b.at && a.configuration.id < b.configuration.id);
}

export class EventQueue {
  private readonly heap: ScheduledEvent[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): ScheduledEvent | undefined {
    return this.heap[0];
  }

  push(event: ScheduledEvent): void {
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  pop(): ScheduledEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
    return top;
  }
}
