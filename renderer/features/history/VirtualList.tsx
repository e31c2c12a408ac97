// A windowed listbox: only the rows in view (plus a few either side) are in the DOM, so 10,000
// entries cost what 30 do. Fixed row height keeps the arithmetic exact. Keyboard: arrows, Page
// Up/Down, Home/End move the active row (aria-activedescendant), Enter opens it.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { visibleRange } from './window-range';

export interface VirtualListProps {
  label: string;
  count: number;
  rowHeight: number;
  activeIndex: number | null;
  onActiveChange: (index: number) => void;
  onOpen: (index: number) => void;
  renderRow: (index: number) => ReactNode;
  rowKey: (index: number) => string | number;
  /** Told which rows are in view, e.g. to fetch them. */
  onRangeChange?: (start: number, end: number) => void;
  overscan?: number;
  /** Height used before the first measurement (and where ResizeObserver is missing). */
  initialHeight?: number;
  className?: string;
}

export function VirtualList(props: VirtualListProps): ReactNode {
  const { count, rowHeight, activeIndex, overscan = 6 } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(props.initialHeight ?? 600);
  const baseId = useId();
  const optionId = (index: number): string => `${baseId}-row-${index}`;

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (element.clientHeight > 0) setHeight(element.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (element.clientHeight > 0) setHeight(element.clientHeight);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, []);

  const { start, end } = visibleRange(scrollTop, height, rowHeight, count, overscan);
  const { onRangeChange } = props;
  useEffect(() => {
    onRangeChange?.(start, end);
  }, [onRangeChange, start, end]);

  // Keep the active row in view when the keyboard moves it.
  useEffect(() => {
    const element = ref.current;
    if (!element || activeIndex === null) return;
    const top = activeIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight)
      element.scrollTop = top + rowHeight - element.clientHeight;
  }, [activeIndex, rowHeight]);

  const onKeyDown = (event: KeyboardEvent): void => {
    if (count === 0) return;
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const current = activeIndex ?? -1;
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = current + 1;
    else if (event.key === 'ArrowUp') next = current - 1;
    else if (event.key === 'PageDown') next = current + page;
    else if (event.key === 'PageUp') next = current - page;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (event.key === 'Enter' && activeIndex !== null) {
      event.preventDefault();
      props.onOpen(activeIndex);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    props.onActiveChange(Math.min(count - 1, Math.max(0, next)));
  };

  const rows: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    rows.push(
      <div
        key={props.rowKey(index)}
        id={optionId(index)}
        role="option"
        aria-selected={index === activeIndex}
        aria-setsize={count}
        aria-posinset={index + 1}
        className={index === activeIndex ? 'vrow active' : 'vrow'}
        style={{ top: index * rowHeight, height: rowHeight }}
        onMouseDown={(event) => {
          event.preventDefault();
          ref.current?.focus();
        }}
        onClick={() => {
          props.onActiveChange(index);
          props.onOpen(index);
        }}
      >
        {props.renderRow(index)}
      </div>,
    );
  }

  return (
    <div
      ref={ref}
      role="listbox"
      aria-label={props.label}
      tabIndex={0}
      aria-activedescendant={
        activeIndex !== null && activeIndex >= start && activeIndex < end ? optionId(activeIndex) : undefined
      }
      className={props.className ? `vlist ${props.className}` : 'vlist'}
      onScroll={(event) => {
        setScrollTop(event.currentTarget.scrollTop);
      }}
      onKeyDown={onKeyDown}
    >
      <div className="vlist-space" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
