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
  .field-label {
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_muted);
  }
  input[type='search'],
  select {
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
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
  .filters {
    display: grid;
    gap: 0.75em;
    align-content: start;
  }
  .filters.closed {
    display: none;
  }
  fieldset {
    margin: 0;
    padding: 0.5em 0.75em 0.75em;
    border: 1px solid var(--_border-soft);
    border-radius: var(--_radius);
    min-width: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 0.25em;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.25em;
    cursor: pointer;
  }
  .option input {
    width: 1.25em;
    height: 1.25em;
    flex: none;
    accent-color: var(--_primary);
  }
  .option .name {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .count {
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .status {
    margin: 0 0 0.5em;
    color: var(--_muted);
    font-weight: 600;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
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
  .badge {
    font-size: 0.8125em;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    background: var(--_surface-alt);
    border: 1px solid var(--_border-soft);
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
    font-size: 1.25em;
    line-height: 1;
    color: var(--_muted);
    cursor: pointer;
  }
  .star[aria-pressed='true'] {
    color: var(--_warning);
  }
  .more {
    margin-top: 1em;
    width: 100%;
  }
  .empty {
    padding: 1em;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  .empty p {
    margin: 0;
  }
  .suggestions {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
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
