/**
 * Geometry of the cash-flow chart: monthly in/out bars and the closing-balance
 * line, with the zero line. Pure (the element draws it as SVG).
 */
import type { Projection } from './projection.js';

export interface ChartBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ChartPeriod {
  readonly label: string;
  readonly centre: number;
  readonly inBar: ChartBar;
  readonly outBar: ChartBar;
  /** Point of the closing balance. */
  readonly balance: { readonly x: number; readonly y: number };
  readonly negative: boolean;
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly zeroY: number;
  readonly periods: readonly ChartPeriod[];
  /** The balance line as an SVG points list. */
  readonly line: string;
  /** Value range shown (minor units), for the axis labels. */
  readonly max: number;
  readonly min: number;
}

/** Padding inside the drawing, in user units. */
export const CHART_PADDING = { top: 12, right: 8, bottom: 24, left: 8 } as const;

/**
 * Lay out `projection` (pre-start column included when it has money) in a
 * `width` × `height` box. In and out bars stand on the zero line side by side;
 * the balance line can go below zero.
 */
export function chartGeometry(projection: Projection, width: number, height: number): ChartGeometry {
  const hasPreStart = projection.preStart.totalIn !== 0 || projection.preStart.totalOut !== 0;
  const periods = hasPreStart ? [projection.preStart, ...projection.months] : [...projection.months];
  const values = periods.flatMap((p) => [p.totalIn, p.totalOut, p.closing, 0]);
  let max = Math.max(...values);
  let min = Math.min(...values);
  if (max === min) max = min + 100;
  const plotTop = CHART_PADDING.top;
  const plotBottom = height - CHART_PADDING.bottom;
  const scale = (plotBottom - plotTop) / (max - min);
  const y = (value: number) => plotTop + (max - value) * scale;
  const zeroY = y(0);
  const slot = (width - CHART_PADDING.left - CHART_PADDING.right) / Math.max(1, periods.length);
  const barWidth = Math.max(1, slot * 0.32);
  const laid = periods.map((period, i) => {
    const centre = CHART_PADDING.left + slot * (i + 0.5);
    const bar = (value: number, x: number): ChartBar => ({
      x,
      y: Math.min(y(value), zeroY),
      width: barWidth,
      height: Math.abs(zeroY - y(value)),
    });
    return {
      label: period.label,
      centre,
      inBar: bar(period.totalIn, centre - barWidth - 1),
      outBar: bar(period.totalOut, centre + 1),
      balance: { x: centre, y: y(period.closing) },
      negative: period.closing < 0,
    };
  });
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    width,
    height,
    zeroY: round(zeroY),
    periods: laid,
    line: laid.map((p) => `${round(p.balance.x)},${round(p.balance.y)}`).join(' '),
    max,
    min,
  };
}
