import { css } from 'lit';

export const styles = css`
  .base {
    padding: calc(var(--_space) * 0.75);
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75em;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: end;
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
    min-width: 0;
    max-width: 100%;
  }
  .search {
    flex: 1 1 14em;
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
  .location-note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
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
    gap: 0.35em;
    padding: 0.75em 1em;
    border: 1px solid var(--_border-soft);
    border-radius: var(--_radius);
  }
  .item h3 {
    margin: 0;
    font-size: 1.0625em;
    line-height: 1.35;
  }
  .name-button {
    background: none;
    border: none;
    padding: 0;
    min-height: 1.5em;
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    text-align: start;
    font-weight: 700;
    cursor: pointer;
  }
  .badges {
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
  .meta,
  .description {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .contacts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
    margin: 0.25em 0 0;
    padding: 0;
  }
  .contact {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
    padding: 0.35em 0.8em;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    color: var(--_primary);
    font-weight: 600;
    text-decoration: none;
  }
  .contact.primary {
    background: var(--_primary);
    color: var(--_on-primary);
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
  dialog {
    width: min(40em, 92vw);
    max-height: 90vh;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1em 1.25em;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog h2 {
    margin: 0 0 0.5em;
    font-size: 1.25em;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(6em, max-content) minmax(0, 1fr);
    gap: 0.35em 1em;
    margin: 0.75em 0;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: flex-end;
    margin-top: 1em;
  }
  @container (min-width: 46em) {
    .layout {
      grid-template-columns: var(--mipyme-provider-finder-filters-width, 15em) minmax(0, 1fr);
    }
    .filters.closed {
      display: grid;
    }
    .filters-toggle {
      display: none;
    }
  }
`;
