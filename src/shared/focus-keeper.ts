/**
 * Focus is never lost to the page when a widget re-renders (issue #10; WCAG 2.4.3 Focus Order).
 * When the control that had the focus disappears in an update — a tool taken off the "saved"
 * list, a suggestion button that did its job, a line removed — the browser would leave the focus
 * on the page's <body>, and a keyboard or screen reader user would start again from the top of
 * the page. Instead the focus goes where the widget says (`prefer`), else to the focusable element
 * it sat in (a grid cell whose editor closed), else to the next control that is still there, else
 * the previous one.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What can take the focus, in document order (roving-tabindex cells included). */
const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]',
].join(', ');

type Host = ReactiveControllerHost & HTMLElement;

export class FocusKeeper implements ReactiveController {
  private lost?: { element: Element; before: Element[]; around: Element[] };

  constructor(
    private readonly host: Host,
    /** Where the focus goes when `lost` vanished; undefined for the next (or previous) control still there. */
    private readonly prefer: (lost: Element) => HTMLElement | null | undefined = () => undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const root = this.host.shadowRoot;
    const element = root?.activeElement;
    if (!element) {
      this.lost = undefined;
      return;
    }
    // The focusable elements it sits in (an editor inside a grid cell: the cell), nearest first.
    const around: Element[] = [];
    for (let up = element.parentElement; up; up = up.parentElement) if (up.matches(FOCUSABLE)) around.push(up);
    this.lost = { element, before: Array.from(root!.querySelectorAll(FOCUSABLE)), around };
  }

  hostUpdated(): void {
    const lost = this.lost;
    this.lost = undefined;
    if (!lost || lost.element.isConnected) return;
    // Only when the focus really went nowhere (not when the person moved it meanwhile).
    const active = document.activeElement;
    if (active && active !== document.body && active !== this.host) return;
    const at = lost.before.indexOf(lost.element);
    const next = lost.before.slice(at + 1).find((element) => element.isConnected);
    const previous = lost.before
      .slice(0, Math.max(at, 0))
      .reverse()
      .find((element) => element.isConnected);
    const around = lost.around.find((element) => element.isConnected);
    const target = this.prefer(lost.element) ?? around ?? next ?? previous;
    (target as HTMLElement | undefined)?.focus();
  }
}
