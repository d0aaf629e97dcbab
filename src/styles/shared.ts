import { css } from 'lit';

/**
 * Pieces of layout the widgets share: form fields, notices, file inputs (`forms`);
 * filter panels, result lists, badges and the no-results view (`lists`).
 */
export const forms = css`
  /* "Who can help with this" (#12): a link, or a button that looks like one. */
  .help-link {
    padding: 0.25em 0;
    border: none;
    background: none;
    color: var(--_primary);
    font: inherit;
    font-size: 0.875em;
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
  }
  .field-label {
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_muted);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 0.75em;
    align-items: end;
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
    min-width: 0;
    max-width: 100%;
  }
  .notice {
    margin: 0;
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_warning);
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
  }
  .notice.error {
    border-color: var(--_danger);
  }
  .file-input {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
    pointer-events: none;
  }
  /* The file input is hidden inside its label, which looks like a button: the label shows the focus. */
  .button:has(> .file-input:focus-visible) {
    outline: 0.15em solid var(--_focus);
    outline-offset: 0.15em;
  }
  .option-inline {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.75em;
  }
  .option-inline input {
    width: 1.25em;
    height: 1.25em;
    min-height: 0;
  }
`;

export const lists = css`
  input[type='search'],
  select {
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
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
  .badge {
    font-size: 0.8125em;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    background: var(--_surface-alt);
    border: 1px solid var(--_border-soft);
  }
  /* A record the network last checked over a year ago (#12). */
  .badge.stale {
    border-color: var(--_danger);
    font-weight: 600;
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
`;
