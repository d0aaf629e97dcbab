/**
 * The cash-flow grid's keyboard model (WAI-ARIA APG grid pattern), without the DOM: which rows
 * and columns the keyboard moves through, and where each key takes the active cell.
 *
 * Rows, top to bottom: the money-in lines, "Total money in", the money-out lines, then the
 * computed rows (total out, net, opening, closing). The section titles are not stops.
 * Columns: -2 the row header (the line's name and tools), -1 "before opening", 0 … months-1 the
 * months, `months` the row's total.
 */

/** A computed row of the grid (read-only). */
export type FigureRow = 'totalIn' | 'totalOut' | 'net' | 'opening' | 'closing';

/** One row the keyboard stops on: a line (its index in the grid's order of lines) or a computed row. */
export type GridRow = { readonly kind: 'line'; readonly line: number } | { readonly kind: 'figure'; readonly figure: FigureRow };

export interface GridPosition {
  readonly row: number;
  readonly col: number;
}

/** The first column (the row header). */
export const HEADER_COL = -2;

/** How many rows PageUp / PageDown move. */
export const PAGE_ROWS = 5;

/** The grid's rows in the order they are shown, for `ins` money-in and `outs` money-out lines. */
export function gridRows(ins: number, outs: number): GridRow[] {
  const line = (index: number): GridRow => ({ kind: 'line', line: index });
  const figure = (name: FigureRow): GridRow => ({ kind: 'figure', figure: name });
  return [
    ...Array.from({ length: ins }, (_, i) => line(i)),
    figure('totalIn'),
    ...Array.from({ length: outs }, (_, i) => line(ins + i)),
    figure('totalOut'),
    figure('net'),
    figure('opening'),
    figure('closing'),
  ];
}

/** The grid row of line `line` (its index in the grid's order: money in first). */
export function rowOfLine(line: number, ins: number): number {
  return line < ins ? line : line + 1;
}

/** A position kept inside a grid of `rows` rows and `months` months. */
export function clampPosition(position: GridPosition, rows: number, months: number): GridPosition {
  return {
    row: Math.max(0, Math.min(rows - 1, position.row)),
    col: Math.max(HEADER_COL, Math.min(months, position.col)),
  };
}

/** The key as the grid reads it. */
export interface GridKey {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
}

/**
 * Where a navigation key moves the active cell (clamped, never wrapping), or undefined for a key
 * that does not move it. Ctrl (or ⌘) + Home / End go to the grid's first / last cell.
 */
export function moveFor(key: GridKey, at: GridPosition, rows: number, months: number): GridPosition | undefined {
  const ctrl = key.ctrlKey === true || key.metaKey === true;
  const { row, col } = at;
  let next: GridPosition | undefined;
  switch (key.key) {
    case 'ArrowUp':
      next = { row: row - 1, col };
      break;
    case 'ArrowDown':
      next = { row: row + 1, col };
      break;
    case 'ArrowLeft':
      next = { row, col: col - 1 };
      break;
    case 'ArrowRight':
      next = { row, col: col + 1 };
      break;
    case 'Home':
      next = ctrl ? { row: 0, col: HEADER_COL } : { row, col: HEADER_COL };
      break;
    case 'End':
      next = ctrl ? { row: rows - 1, col: months } : { row, col: months };
      break;
    case 'PageUp':
      next = { row: row - PAGE_ROWS, col };
      break;
    case 'PageDown':
      next = { row: row + PAGE_ROWS, col };
      break;
    default:
      return undefined;
  }
  return clampPosition(next, rows, months);
}

/** Whether the owner can type into the cell: a line's amount (not its name, not a total). */
export function isAmountCell(row: GridRow | undefined, col: number, months: number): boolean {
  return row?.kind === 'line' && col >= -1 && col < months;
}
