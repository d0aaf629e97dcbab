/**
 * Design tokens. Partners theme every widget from `:root` (or any ancestor)
 * with the public `--mipyme-*` custom properties; each widget resolves them
 * once on `:host` into private `--_*` values with built-in fallbacks, so no
 * page stylesheet is ever needed. Sizes are in `em` from one font-size token
 * (never `rem`: a host's `html { font-size: 62.5% }` must not shrink widgets).
 *
 * Public tokens (all optional):
 * - colours: `--mipyme-color-primary`, `--mipyme-color-on-primary`,
 *   `--mipyme-color-surface`, `--mipyme-color-surface-alt`, `--mipyme-color-text`,
 *   `--mipyme-color-muted`, `--mipyme-color-border`, `--mipyme-color-danger`,
 *   `--mipyme-color-success`, `--mipyme-color-warning`, `--mipyme-color-focus`
 *   (each also as `…-dark` for the dark theme);
 * - `--mipyme-font-family`, `--mipyme-font-size` (base, default 16px), `--mipyme-radius`,
 *   `--mipyme-space` (the spacing unit, default 1em);
 * - `--mipyme-loading-height` (default 480px): the height a widget keeps while it loads,
 *   the same the page reserves for it before the script runs (docs/embedding.md).
 */
import { css } from 'lit';

/** The dark theme's values: for `theme="dark"`, and for `theme="auto"` on a dark device. */
const dark = css`
    --_primary: var(--mipyme-color-primary-dark, #78b4ff);
    --_on-primary: var(--mipyme-color-on-primary-dark, #0b1320);
    --_surface: var(--mipyme-color-surface-dark, #151a21);
    --_surface-alt: var(--mipyme-color-surface-alt-dark, #1f2630);
    --_text: var(--mipyme-color-text-dark, #e9eef5);
    --_muted: var(--mipyme-color-muted-dark, #b0bccc);
    --_border: var(--mipyme-color-border-dark, #6c7a8d);
    --_border-soft: var(--mipyme-color-border-soft-dark, #333d4a);
    --_danger: var(--mipyme-color-danger-dark, #ff8a80);
    --_success: var(--mipyme-color-success-dark, #6fd08c);
    --_warning: var(--mipyme-color-warning-dark, #ffc861);
    --_focus: var(--mipyme-color-focus-dark, #78b4ff);
    color-scheme: dark;
`;

export const tokens = css`
  :host {
    --_primary: var(--mipyme-color-primary, #0b5cab);
    --_on-primary: var(--mipyme-color-on-primary, #ffffff);
    --_surface: var(--mipyme-color-surface, #ffffff);
    --_surface-alt: var(--mipyme-color-surface-alt, #f3f5f8);
    --_text: var(--mipyme-color-text, #1d2430);
    --_muted: var(--mipyme-color-muted, #4f5b70);
    --_border: var(--mipyme-color-border, #7a8699);
    --_border-soft: var(--mipyme-color-border-soft, #d5dbe3);
    --_danger: var(--mipyme-color-danger, #b42318);
    --_success: var(--mipyme-color-success, #1a7f37);
    --_warning: var(--mipyme-color-warning, #8a5a00);
    --_focus: var(--mipyme-color-focus, #0b5cab);
    --_font: var(--mipyme-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--mipyme-font-size, 16px);
    --_radius: var(--mipyme-radius, 0.5em);
    --_space: var(--mipyme-space, 1em);
    /* The height kept while loading: the page's rule for undefined elements uses the same value. */
    --_loading-height: var(--mipyme-loading-height, 480px);
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
`;

/**
 * The host keeps to layout; the typography reset lives on the inner `.base`
 * wrapper, because a page's `* { … }` rules beat `:host { … }` for the host itself
 * and inherited properties (font, line-height, text-transform…) cross the shadow boundary.
 */
export const base = css`
  :host {
    display: block;
    container-type: inline-size;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    white-space: normal;
    /* A long word (a URL, a name without spaces) wraps instead of widening the widget. */
    overflow-wrap: anywhere;
    visibility: visible;
    color: var(--_text);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .base *,
  .base *::before,
  .base *::after {
    box-sizing: border-box;
  }
  input,
  select,
  textarea {
    /* A long option (an outline's name) must not widen the widget past its column. */
    max-width: 100%;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
    margin: 0;
  }
  a {
    color: var(--_primary);
  }
  :focus-visible {
    outline: 0.15em solid var(--_focus);
    outline-offset: 0.15em;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0, 0, 0, 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.75em;
    min-width: 2.75em;
    padding: 0.5em 1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    cursor: pointer;
    font-weight: 600;
    line-height: 1.2;
    text-decoration: none;
  }
  .button.secondary {
    background: transparent;
    color: var(--_primary);
  }
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
  @media (forced-colors: active) {
    .button {
      border: 1px solid ButtonText;
    }
  }
`;
