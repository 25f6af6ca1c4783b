"use client";
// How many rows (or tiles) fit in a box: the wall shows what fits and says "+N more" for the rest, at any
// screen size. Sizes are in em of the box's font size, which follows the screen width.
import { useEffect, useState } from "react";

/** Returns a callback ref for the box (it may mount later, after an "all clear") and how many items fit in it. */
export function useFit(item: { heightEm: number; minWidthEm?: number; gapEm?: number }): [(element: HTMLElement | null) => void, number] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [fit, setFit] = useState(0);
  const { heightEm, minWidthEm, gapEm = 0 } = item;
  useEffect(() => {
    if (!element) return;
    const measure = () => {
      const em = parseFloat(getComputedStyle(element).fontSize) || 16;
      const gap = gapEm * em;
      const rows = Math.max(1, Math.floor((element.clientHeight + gap) / (heightEm * em + gap)));
      const cols = minWidthEm ? Math.max(1, Math.floor((element.clientWidth + gap) / (minWidthEm * em + gap))) : 1;
      setFit(rows * cols);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, heightEm, minWidthEm, gapEm]);
  return [setElement, fit];
}
