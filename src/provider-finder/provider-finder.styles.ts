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
  .location-note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .layout {
    display: grid;
    gap: 1em;
  }
  .count {
    color: var(--_muted);
    font-size: 0.875em;
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
  /* "Send my plan" (#12). */
  .share {
    grid-column: 1 / -1;
    margin: 0;
  }
  dialog h3 {
    margin: 0.75em 0 0.25em;
    font-size: 1em;
  }
  .share-choices {
    display: grid;
    gap: 0.5em;
    margin: 0.75em 0;
  }
  .share-contents {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .share-message {
    margin: 0;
    padding: 0.5em 0.75em;
    border-inline-start: 3px solid var(--_border);
    background: var(--_surface-alt);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .share-file {
    margin: 0.75em 0;
  }
  .share-file summary {
    /* A list item, so its disclosure triangle shows; padded to a finger-sized target. */
    cursor: pointer;
    padding: 0.6em 0;
    color: var(--_primary);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .share-file iframe {
    width: 100%;
    height: 20em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: #fff;
  }
  .share-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.75em;
  }
  .share-actions a.button {
    text-decoration: none;
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
