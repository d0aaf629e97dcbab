import { css } from 'lit';

export const styles = css`
  .base {
    padding: calc(var(--_space) * 0.75);
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1em;
  }
  input,
  select,
  textarea {
    min-height: 2.75em;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .notices {
    display: grid;
    gap: 0.5em;
  }
  /* Empty live regions stay in the accessibility tree but take no room. */
  .notices > div:empty,
  .notices:not(:has(.notice)) {
    position: absolute;
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
    font-weight: 700;
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .base:focus {
    outline: none;
  }
  .base:focus-visible {
    outline: 0.15em solid var(--_focus);
  }
  .saved {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .progress {
    display: grid;
    gap: 0.25em;
  }
  progress {
    width: 100%;
    height: 0.75em;
    accent-color: var(--_primary);
  }
  .layout {
    display: grid;
    gap: 1em;
  }
  nav ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25em;
  }
  nav button {
    width: 100%;
    display: flex;
    justify-content: space-between;
    gap: 0.5em;
    min-height: 2.75em;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_border-soft);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    text-align: start;
    cursor: pointer;
  }
  nav button[aria-current='step'] {
    border-color: var(--_primary);
    background: var(--_surface-alt);
    font-weight: 700;
  }
  @media (forced-colors: active) {
    nav button[aria-current='step'] {
      border: 3px solid Highlight;
    }
  }
  nav .depth-1 {
    padding-inline-start: 1.5em;
  }
  nav .depth-2,
  nav .depth-3 {
    padding-inline-start: 2.5em;
  }
  #section-title:focus {
    outline: none;
  }
  #section-title:focus-visible {
    outline: 0.15em solid var(--_focus);
  }
  nav .count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  nav .done .count {
    color: var(--_success);
  }
  .tip {
    margin: 0.5em 0 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .section h2 {
    margin: 0 0 0.5em;
    font-size: 1.25em;
    line-height: 1.3;
  }
  .guidance {
    margin: 0 0 1em;
    white-space: pre-line;
  }
  .question {
    display: grid;
    gap: 0.35em;
    margin-bottom: 1.25em;
  }
  .question label {
    font-weight: 700;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  textarea {
    width: 100%;
    min-height: 5.5em;
    resize: vertical;
    field-sizing: content;
    line-height: 1.5;
  }
  details {
    font-size: 0.9375em;
  }
  summary {
    cursor: pointer;
    color: var(--_primary);
    min-height: 1.5em;
  }
  .example {
    margin: 0.25em 0 0;
    padding: 0.5em 0.75em;
    border-inline-start: 0.25em solid var(--_border-soft);
    white-space: pre-line;
  }
  .tools ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
  }
  .tools li {
    margin: 0.25em 0;
  }
  .pager {
    display: flex;
    justify-content: space-between;
    gap: 0.5em;
    flex-wrap: wrap;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  @container (min-width: 46em) {
    .layout {
      grid-template-columns: var(--mipyme-business-plan-outline-nav-width, 16em) minmax(0, 1fr);
      align-items: start;
    }
  }
`;
