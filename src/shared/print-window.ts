/**
 * The print pop-ups of the editors (same origin, built with DOM calls). Styled
 * with a stylesheet constructed in the pop-up's own realm, not a `<style>` element:
 * a strict host's `style-src 'self'`, which the pop-up inherits, refuses inline
 * styles but not the CSSOM. Browsers without constructed stylesheets get the element.
 */
export function stylePrintWindow(win: Window, css: string): void {
  const doc = win.document;
  const View = win as unknown as { CSSStyleSheet?: typeof CSSStyleSheet };
  if (View.CSSStyleSheet && 'adoptedStyleSheets' in doc) {
    const sheet = new View.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [sheet];
  } else {
    const style = doc.createElement('style');
    style.textContent = css;
    doc.head.append(style);
  }
}
