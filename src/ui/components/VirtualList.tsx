/**
 * A windowed list: only the rows in view (plus a few) are in the DOM, so ten thousand findings scroll as
 * smoothly as ten. Rows have fixed heights per kind (a group header is shorter than a finding), so every
 * row's offset is known without measuring.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { FocusEvent, KeyboardEvent, ReactNode, RefObject, UIEvent } from "react";

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number | ((item: T) => number);
  /** Height of the scrolling box in pixels; "fill" takes the height its parent leaves it (flex child). */
  height: number | "fill";
  /** `tabIndex`: with `roving`, 0 for the one row that takes Tab, -1 for the others; give it to the row's control. */
  renderRow: (item: T, index: number, tabIndex: 0 | -1) => ReactNode;
  getKey: (item: T, index: number) => string;
  /** Rows rendered beyond each edge of the view. */
  overscan?: number;
  label?: string;
  testId?: string;
  /**
   * One tab stop for the whole list, arrow keys inside (↑ ↓ Home End PageUp PageDown): a list of 788 findings is
   * not 788 tab stops. Rows are windowed, so the row moved to is scrolled into view first and focused once rendered.
   */
  roving?: boolean;
}

/** The row a key moves to from `active`, or undefined for a key the list does not handle. */
export function rovingTarget(key: string, active: number, count: number, pageRows: number): number | undefined {
  if (count === 0) return undefined;
  const to =
    key === "ArrowDown" ? active + 1
    : key === "ArrowUp" ? active - 1
    : key === "Home" ? 0
    : key === "End" ? count - 1
    : key === "PageDown" ? active + pageRows
    : key === "PageUp" ? active - pageRows
    : undefined;
  return to === undefined ? undefined : Math.max(0, Math.min(count - 1, to));
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

export function VirtualList<T>({ items, rowHeight, height, renderRow, getKey, overscan = 6, label, testId, roving = false }: VirtualListProps<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const [activeIndex, setActive] = useState(0);
  const focusPending = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const measured = useBoxHeight(box, height === "fill");
  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop), []);
  const offsets = useMemo(() => rowOffsets(items, rowHeight), [items, rowHeight]);
  const total = offsets[items.length];
  const viewHeight = height === "fill" ? measured ?? FILL_FALLBACK : Math.min(height, total);
  const [first, last] = visibleRange(offsets, viewHeight, scrollTop, overscan);
  const active = Math.min(activeIndex, Math.max(0, items.length - 1));
  // After a key moved the active row: focus its control once it is rendered.
  useEffect(() => {
    if (!focusPending.current || active < first || active >= last) return;
    focusPending.current = false;
    (box.current?.querySelector(`[data-row-index="${active}"] [tabindex="0"]`) as HTMLElement | null)?.focus();
  });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const rowPx = items.length > 0 ? total / items.length : 1;
    const to = rovingTarget(e.key, active, items.length, Math.max(1, Math.floor(viewHeight / rowPx) - 1));
    if (to === undefined) return;
    e.preventDefault();
    setActive(to);
    focusPending.current = true;
    const el = box.current;
    if (el && (offsets[to] < el.scrollTop || offsets[to + 1] > el.scrollTop + viewHeight)) {
      el.scrollTop = offsets[to] < el.scrollTop ? offsets[to] : offsets[to + 1] - viewHeight;
      setScrollTop(el.scrollTop);
    }
  };
  // A click or Tab into a row makes it the active one.
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const index = Number((e.target as HTMLElement).closest("[data-row-index]")?.getAttribute("data-row-index"));
    if (Number.isInteger(index) && index !== active) setActive(index);
  };
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={getKey(items[i], i)} role="listitem" data-row-index={i} style={{ position: "absolute", top: offsets[i], left: 0, right: 0, height: offsets[i + 1] - offsets[i] }}>
        {renderRow(items[i], i, !roving || i === active ? 0 : -1)}
      </div>,
    );
  }
  const style = height === "fill" ? { flex: "1 1 0", minHeight: 160 } : { height: viewHeight };
  return (
    <div
      ref={box}
      role="list"
      aria-label={label}
      data-testid={testId}
      onScroll={onScroll}
      onKeyDown={roving ? onKeyDown : undefined}
      onFocus={roving ? onFocus : undefined}
      style={{ ...style, overflowY: "auto", position: "relative" }}
    >
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
