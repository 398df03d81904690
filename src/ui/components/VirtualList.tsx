/**
 * A windowed list: only the rows in view (plus a few) are in the DOM, so ten thousand findings scroll as
 * smoothly as ten. Rows have fixed heights per kind (a group header is shorter than a finding), so every
 * row's offset is known without measuring.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ReactNode, RefObject, UIEvent } from "react";

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number | ((item: T) => number);
  /** Height of the scrolling box in pixels; "fill" takes the height its parent leaves it (flex child). */
  height: number | "fill";
  renderRow: (item: T, index: number) => ReactNode;
  getKey: (item: T, index: number) => string;
  /** Rows rendered beyond each edge of the view. */
  overscan?: number;
  label?: string;
  testId?: string;
}

/** offsets[i] = top of row i; offsets[n] = total height. */
export function rowOffsets<T>(items: readonly T[], rowHeight: number | ((item: T) => number)): number[] {
  const offsets = new Array<number>(items.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < items.length; i++) offsets[i + 1] = offsets[i] + (typeof rowHeight === "number" ? rowHeight : rowHeight(items[i]));
  return offsets;
}

/** Which rows [first, last) to render for a scroll position: pure, so it is unit-tested without a DOM. */
export function visibleRange(offsets: readonly number[], viewHeight: number, scrollTop: number, overscan: number): [number, number] {
  const count = offsets.length - 1;
  const first = Math.max(0, rowAt(offsets, scrollTop) - overscan);
  const last = Math.min(count, rowAt(offsets, scrollTop + viewHeight) + 1 + overscan);
  return [first, last];
}

/** The row whose span holds pixel y (binary search over the offsets). */
function rowAt(offsets: readonly number[], y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Falls back to this height until the box has been measured (and in a browser without ResizeObserver). */
const FILL_FALLBACK = 400;

export function VirtualList<T>({ items, rowHeight, height, renderRow, getKey, overscan = 6, label, testId }: VirtualListProps<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const measured = useBoxHeight(box, height === "fill");
  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop), []);
  const offsets = useMemo(() => rowOffsets(items, rowHeight), [items, rowHeight]);
  const total = offsets[items.length];
  const viewHeight = height === "fill" ? measured ?? FILL_FALLBACK : Math.min(height, total);
  const [first, last] = visibleRange(offsets, viewHeight, scrollTop, overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={getKey(items[i], i)} role="listitem" style={{ position: "absolute", top: offsets[i], left: 0, right: 0, height: offsets[i + 1] - offsets[i] }}>
        {renderRow(items[i], i)}
      </div>,
    );
  }
  const style = height === "fill" ? { flex: "1 1 0", minHeight: 160 } : { height: viewHeight };
  return (
    <div ref={box} role="list" aria-label={label} data-testid={testId} onScroll={onScroll} style={{ ...style, overflowY: "auto", position: "relative" }}>
      <div style={{ height: total, position: "relative" }}>{rows}</div>
    </div>
  );
}

function useBoxHeight(box: RefObject<HTMLDivElement>, active: boolean): number | undefined {
  const [height, setHeight] = useState<number>();
  useEffect(() => {
    const el = box.current;
    if (!active || !el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, [box, active]);
  return height;
}
