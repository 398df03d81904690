/**
 * A windowed list of fixed-height rows: only the rows in view (plus a few) are in the DOM, so ten thousand
 * findings scroll as smoothly as ten.
 */
import { useCallback, useState } from "react";
import type { ReactNode, UIEvent } from "react";

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  /** Height of the scrolling box in pixels. */
  height: number;
  renderRow: (item: T, index: number) => ReactNode;
  getKey: (item: T, index: number) => string;
  /** Rows rendered beyond each edge of the view. */
  overscan?: number;
  label?: string;
  testId?: string;
}

/** Which rows to render for a scroll position: pure, so it is unit-tested without a DOM. */
export function visibleRange(count: number, rowHeight: number, height: number, scrollTop: number, overscan: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return [first, last];
}

export function VirtualList<T>({ items, rowHeight, height, renderRow, getKey, overscan = 6, label, testId }: VirtualListProps<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop), []);
  const boxHeight = Math.min(height, Math.max(rowHeight, items.length * rowHeight));
  const [first, last] = visibleRange(items.length, rowHeight, boxHeight, scrollTop, overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={getKey(items[i], i)} role="listitem" style={{ position: "absolute", top: i * rowHeight, left: 0, right: 0, height: rowHeight }}>
        {renderRow(items[i], i)}
      </div>,
    );
  }
  return (
    <div role="list" aria-label={label} data-testid={testId} onScroll={onScroll} style={{ height: boxHeight, overflowY: "auto", position: "relative" }}>
      <div style={{ height: items.length * rowHeight, position: "relative" }}>{rows}</div>
    </div>
  );
}
