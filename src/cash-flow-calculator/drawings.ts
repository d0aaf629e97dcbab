/**
 * What the owner's drawings ("retiro del dueño") do to the cash. Pure, like projection.ts; apart
 * from regional.ts (which re-exports it) because the calculator's summary needs it at once, while
 * the other regional helpers load on first use.
 *
 * @module
 */
import { zeros } from './checks.js';
import { lineKind, monthlyByKind, projectCashFlow, roundMinor, type CashFlowLine, type CashFlowPlan, type Projection } from './projection.js';

/** What the owner's drawings ("retiro del dueño") take from the business's cash. */
export interface DrawingsSummary {
  /** All drawings, the pre-start column included (minor units). */
  readonly total: number;
  /** Drawings in the pre-start column. */
  readonly preStart: number;
  /** Drawings per month (one entry per month, pre-start excluded). */
  readonly monthly: number[];
  /** Drawings as a share of all money out (pre-start included), in whole percent rounded half up; 0 when no money goes out. */
  readonly shareOfOutPct: number;
  /** The plan's funding needed, with the drawings. */
  readonly fundingNeeded: number;
  /** The funding needed if the owner drew nothing. */
  readonly fundingNeededWithout: number;
  /** The plan's first negative period (−1 = pre-start), or null. */
  readonly firstNegative: number | null;
  /** The first negative period if the owner drew nothing, or null. */
  readonly firstNegativeWithout: number | null;
  /** The drawings alone take the cash below the safety minimum: `fundingNeeded > 0` and `fundingNeededWithout = 0`. */
  readonly causesShortfall: boolean;
  /** There is a shortfall anyway and the drawings make it bigger: `fundingNeededWithout > 0` and `fundingNeeded > fundingNeededWithout`. */
  readonly worsensShortfall: boolean;
}

/**
 * What the owner's drawings do to the cash: the drawings are the money-out lines whose kind
 * ({@link lineKind}) is `drawings`. The plan is projected ({@link projectCashFlow}) as it is and
 * with every drawings line zeroed (pre-start and every month; every other line unchanged), and
 * the two fundings needed and first negative periods compared:
 * - `causesShortfall`: with the drawings money is needed, without them none
 *   (`fundingNeeded > 0 && fundingNeededWithout === 0`);
 * - `worsensShortfall`: money is needed even without the drawings, and more with them
 *   (`fundingNeededWithout > 0 && fundingNeeded > fundingNeededWithout`).
 * At most one of the two is true. `shareOfOutPct` is `roundMinor(total × 100 / all money out)`
 * (pre-start included), 0 when no money goes out. With no drawings lines `total` is 0, both
 * projections are the same and both flags are false.
 *
 * @throws RangeError when the plan cannot be projected (see `planProblems`).
 */
export function drawingsSummary(plan: CashFlowPlan): DrawingsSummary {
  const projection: Projection = projectCashFlow(plan);
  const isDrawings = (line: CashFlowLine): boolean => line.flow === 'out' && lineKind(line) === 'drawings';
  const monthly = monthlyByKind(plan, 'drawings');
  let preStart = 0;
  for (const line of plan.lines) if (isDrawings(line)) preStart += line.preStart;
  const total = monthly.reduce((sum, amount) => sum + amount, preStart);

  const without: Projection = projectCashFlow({
    ...plan,
    lines: plan.lines.map((line) => (isDrawings(line) ? { ...line, preStart: 0, amounts: zeros(line.amounts.length) } : line)),
  });
  const out = projection.totals.out;
  return {
    total,
    preStart,
    monthly,
    shareOfOutPct: out > 0 ? roundMinor((total * 100) / out) : 0,
    fundingNeeded: projection.fundingNeeded,
    fundingNeededWithout: without.fundingNeeded,
    firstNegative: projection.firstNegative,
    firstNegativeWithout: without.firstNegative,
    causesShortfall: projection.fundingNeeded > 0 && without.fundingNeeded === 0,
    worsensShortfall: without.fundingNeeded > 0 && projection.fundingNeeded > without.fundingNeeded,
  };
}
