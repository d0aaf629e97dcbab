import { css } from 'lit';

/**
 * Per-widget knobs: `--mipyme-toolbox-browser-filters-width` (wide layout,
 * default 16em), `--mipyme-toolbox-browser-wide` is not a token: the layout
 * switches by container query at 46em of the widget's own width.
 */
export const styles = css`
  .base {
    padding: calc(var(--_space) * 0.75);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: end;
    margin-bottom: 0.75em;
  }
  .search {
    flex: 1 1 14em;
    display: grid;
    gap: 0.25em;
  }
  .sort {
    display: grid;
    gap: 0.25em;
    flex: 0 1 11em;
  }
  .toggles {
    display: flex;
    gap: 0.5em;
    flex-wrap: wrap;
  }
  .button[aria-pressed='true'],
  .button[aria-expanded='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
    margin: 0 0 0.75em;
    padding: 0;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.25em;
    padding: 0.25em 0.75em;
    border-radius: 999px;
    border: 1px solid var(--_primary);
    background: var(--_surface-alt);
    color: var(--_text);
    cursor: pointer;
  }
  .chip .x {
    font-weight: 700;
    color: var(--_primary);
  }
  .clear-all {
    min-height: 2.25em;
  }
  .layout {
    display: grid;
    gap: 1em;
  }
  .count {
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .item {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25em 0.75em;
    padding: 0.75em 1em;
    border: 1px solid var(--_border-soft);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .item h3 {
    margin: 0;
    font-size: 1.0625em;
    line-height: 1.35;
    overflow-wrap: anywhere;
  }
  .item h3 a {
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .summary {
    grid-column: 1 / -1;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .badges {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .help-link {
    grid-column: 1 / -1;
    justify-self: start;
  }
  .meta {
    grid-column: 1 / -1;
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .star {
    align-self: start;
    background: none;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    min-width: 2.75em;
    min-height: 2.75em;
    /* A 44 px target that takes no more height than a line of the title (no gap under a short title). */
    margin: -0.6em -0.5em -0.6em 0;
    padding: 0;
    line-height: 1;
    color: var(--_muted);
    cursor: pointer;
  }
  .star span {
    font-size: 1.25em;
  }
  .star[aria-pressed='true'] {
    color: var(--_warning);
  }
  @container (min-width: 46em) {
    .layout {
      grid-template-columns: var(--mipyme-toolbox-browser-filters-width, 16em) minmax(0, 1fr);
    }
    .filters.closed {
      display: grid;
    }
    .filters-toggle {
      display: none;
    }
  }
`;
