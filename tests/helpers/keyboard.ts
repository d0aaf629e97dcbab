/**
 * Keyboard-only helpers (issue #10): where the focus is (through shadow roots), whether it shows,
 * and Tab until a wanted control has it.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

/** The focused element, inside shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A focus indicator a sighted keyboard user can see: an outline of at least 2 px or a box shadow. */
export function visibleFocus(element: Element): boolean {
  const style = getComputedStyle(element);
  // A control drawn invisible (a file input inside a label styled as a button) shows its focus
  // through what the eye sees: the label around it.
  if (parseFloat(style.opacity) === 0) {
    const label = element.closest('label');
    return !!label && label !== element && visibleFocus(label);
  }
  return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
}

/**
 * Press Tab (or Shift+Tab with `backwards`) until `accept` holds for the focused element, at most
 * `max` presses; every stop inside a widget (a shadow root, or an element inside `within`) must
 * show its focus.
 */
export async function tabTo(
  accept: (element: Element) => boolean,
  what: string,
  { max = 60, within = 'mipyme-toolbox-browser, mipyme-cash-flow-calculator, mipyme-business-plan-outline, mipyme-provider-finder', backwards = false } = {},
): Promise<Element> {
  for (let i = 0; i < max; i++) {
    if (backwards) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (backwards) await sendKeys({ up: 'Shift' });
    const element = focused();
    if (!element) continue;
    if (element.closest(within) || element.getRootNode() !== document) {
      expect(visibleFocus(element), `focus visible on <${element.localName} class="${(element as HTMLElement).className}">`).to.equal(true);
    }
    if (accept(element)) return element;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Stops navigation when a link is followed (the test page must stay). */
export const blockNavigation = (event: Event): void => {
  if ((event.composedPath()[0] as Element).closest?.('a')) event.preventDefault();
};
