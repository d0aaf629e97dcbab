import { css } from 'lit';

export const styles = css`
  .base {
    padding: calc(var(--_space) * 0.75);
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1em;
    --_in: var(--mipyme-cash-flow-calculator-in-color, var(--_success));
    --_out: var(--mipyme-cash-flow-calculator-out-color, var(--_danger));
    --_balance: var(--mipyme-cash-flow-calculator-balance-color, var(--_primary));
  }
  input,
  select {
    min-height: 2.75em;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* A month field has stops inside it (month, year, the calendar button); on the calendar button
     the field matches only :focus-within, so the ring is shown whenever the focus is within it. */
  input[type='month']:focus-within {
    outline: 0.15em solid var(--_focus);
    outline-offset: 0.15em;
  }
  .narrow-input {
    width: 9em;
  }
  .pct-input {
    width: 6em;
  }
  .saved {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0;
  }
  .summary {
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    background: var(--_surface-alt);
    border-inline-start: 0.35em solid var(--_success);
  }
  .summary.alert {
    border-inline-start-color: var(--_danger);
  }
  .summary p {
    margin: 0.25em 0;
  }
  .headline {
    font-size: 1.125em;
    font-weight: 700;
  }
  .chart {
    width: 100%;
    height: auto;
    display: block;
  }
  .chart .in {
    fill: var(--_in);
  }
  .chart .out {
    fill: var(--_out);
  }
  .chart .balance {
    fill: none;
    stroke: var(--_balance);
    stroke-width: 2.5;
    vector-effect: non-scaling-stroke;
  }
  .chart .scenario {
    fill: none;
    stroke: var(--_muted);
    stroke-width: 2;
    stroke-dasharray: 5 4;
    vector-effect: non-scaling-stroke;
  }
  .chart .zero {
    stroke: var(--_text);
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
  }
  .chart .negative-band {
    fill: var(--_out);
    opacity: 0.1;
  }
  .chart .dot {
    fill: var(--_balance);
  }
  .chart .dot.negative {
    fill: var(--_out);
  }
  .chart text {
    fill: var(--_muted);
    font-size: 10px;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    list-style: none;
    margin: 0;
    padding: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .chart-figure {
    margin: 0;
  }
  .scenario-box {
    border: 1px solid var(--_border-soft);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
    margin: 0;
  }
  .swatch.in {
    background: var(--_in);
  }
  .swatch.out {
    background: var(--_out);
  }
  .swatch.balance {
    background: var(--_balance);
  }
  .swatch.scenario {
    background: var(--_muted);
  }
  .swatch {
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    margin-inline-end: 0.3em;
    border-radius: 0.15em;
    vertical-align: -0.05em;    /* The chart keeps its colours in forced-colours mode: so must its key. */
    forced-color-adjust: none;
  }
  .grid-wrap {
    overflow-x: auto;
    border: 1px solid var(--_border-soft);
    border-radius: var(--_radius);
  }
  .grid {
    width: max-content;
    min-width: 100%;
    font-variant-numeric: tabular-nums;
  }
  .grid-row {
    display: flex;
    align-items: stretch;
    border-bottom: 1px solid var(--_border-soft);
    /* Each row is its own layout box, and rows off screen are skipped: editing one
       amount of a 36 × 60 grid never re-lays out the others. */
    contain: layout style;
    content-visibility: auto;
    contain-intrinsic-size: auto 3em;
  }
  .grid-row > * {
    flex: 0 0 8.5em;
    padding: 0.25em 0.4em;
    text-align: end;
    white-space: nowrap;
  }
  .grid-row > .label-cell {
    flex: 0 0 14em;
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: var(--_surface);
    text-align: start;
    white-space: normal;
    border-inline-end: 1px solid var(--_border-soft);
  }
  .head-row {
    background: var(--_surface-alt);
    font-weight: 700;
  }
  .head-row > .label-cell,
  .section > .label-cell {
    background: var(--_surface-alt);
  }
  .section {
    background: var(--_surface-alt);
    font-weight: 700;
  }
  .section > .label-cell {
    flex: 1 0 auto;
  }
  .label-cell input {
    width: 100%;
    min-width: 9em;
  }
  .figure {
    align-self: center;
  }
  .amount {
    min-height: 2.75em;
    display: flex;
    flex-direction: column;
    justify-content: center;
    align-items: flex-end;
    cursor: text;
    border-inline-end: 1px solid var(--_border-soft);
  }
  .amount.zero {
    color: var(--_muted);
  }
  /* Every stop of the grid (amounts, names, computed figures) shows where the keyboard is. */
  [data-pos]:focus-visible {
    outline: 0.15em solid var(--_focus);
    outline-offset: -0.15em;
  }
  .amount[aria-invalid='true'] {
    box-shadow: inset 0 0 0 2px var(--_danger);
  }
  .cell-editor {
    width: 100%;
    min-height: 2em;
    padding: 0.2em 0.35em;
    text-align: end;
  }
  .cell-error {
    display: block;
    max-width: 10em;
    white-space: normal;
    color: var(--_danger);
    font-size: 0.75em;
    text-align: start;
  }
  .line-actions {
    display: flex;
    gap: 0.25em;
    margin-top: 0.25em;
  }
  .icon-button {
    min-width: 2.75em;
    min-height: 2.75em;
    border: 1px solid var(--_border-soft);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    font-size: 0.8125em;
    padding: 0.25em 0.5em;
  }
  /* The small buttons keep a focus ring of at least 2 px (0.15em of their smaller text is less). */
  .icon-button:focus-visible {
    outline-width: max(2px, 0.15em);
  }
  .total-row {
    font-weight: 700;
  }
  .negative {
    color: var(--_danger);
  }
  .fill-panel {
    background: var(--_surface-alt);
  }
  .fill-panel > [role='gridcell'] {
    flex: 1 0 auto;
    position: sticky;
    inset-inline-start: 0;
    max-width: 100cqi;
    text-align: start;
    white-space: normal;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .helpers {
    display: grid;
    gap: 0.5em;
  }
  .helper-form {
    padding: 0.75em;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .helper-form fieldset {
    flex-basis: 100%;
  }
  .season-months {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8em, 1fr));
    gap: 0.5em;
  }
  .season-months select {
    width: 100%;
  }
  .hint {
    flex-basis: 100%;
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  @media print {
    .no-print {
      display: none !important;
    }
    .grid-wrap {
      overflow: visible;
      border: none;
    }
  }
`;
