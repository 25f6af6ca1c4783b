"use client";
// How many rows (or tiles) fit in a box: the wall shows what fits and says "+N more" for the rest, at any
// screen size. Sizes are in em of the box's font size, which follows the screen width.
import { useEffect, useState, type RefObject } from "react";

export function useFit(ref: RefObject<HTMLElement | null>, item: { heightEm: number; minWidthEm?: number; gapEm?: number }): number {
  const [fit, setFit] = useState(0);
  const { heightEm, minWidthEm, gapEm = 0 } = item;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const em = parseFloat(getComputedStyle(element).fontSize) || 16;
      const gap = gapEm * em;
      const rows = Math.max(1, Math.floor((element.clientHeight + gap) / (heightEm * em + gap)));
      const cols = minWidthEm ? Math.max(1, Math.floor((element.clientWidth + gap) / (minWidthEm * em + gap))) : 1;
      setFit(rows * cols);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, heightEm, minWidthEm, gapEm]);
  return fit;
}
