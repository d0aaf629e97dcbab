/**
 * axe-core with WCAG 2.2's `target-size` rule switched on (axe ships it off):
 * every state of every widget must pass this.
 */
import { expect } from '@open-wc/testing';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; html: string; failureSummary?: string }>;
}
interface Axe {
  run(context: Element, options: object): Promise<{ violations: AxeViolation[] }>;
}

async function axe(): Promise<Axe> {
  const global = window as unknown as { axe?: Axe };
  if (!global.axe) await import('axe-core/axe.min.js');
  return global.axe!;
}

/** axe's violations for `element` (the rules of expectAccessible). */
export async function axeViolations(element: Element): Promise<AxeViolation[]> {
  const { violations } = await (
    await axe()
  ).run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { 'target-size': { enabled: true }, region: { enabled: false } },
  });
  return violations;
}

/**
 * The element an axe node target names: `[host selector, selector in its shadow root, …]`.
 */
export function targetElement(target: unknown): Element | null {
  const path = Array.isArray(target) ? (target as unknown[]) : [target];
  let scope: Document | ShadowRoot | null = document;
  let found: Element | null = null;
  for (const [i, part] of path.entries()) {
    const selectors = Array.isArray(part) ? (part as string[]) : [String(part)];
    for (const [j, selector] of selectors.entries()) {
      found = scope?.querySelector(selector) ?? null;
      if (!found) return null;
      const last = i === path.length - 1 && j === selectors.length - 1;
      if (!last) scope = found.shadowRoot;
    }
  }
  return found;
}

export function reportViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n\n');
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/**
 * axe's violations for a widget, the cash-flow grid (which scrolls inside its own box) checked
 * where a visitor sees it: scrolled through box by box, a colour finding counting only for a node
 * then fully inside the box.
 */
export async function violationsSeen(el: HTMLElement): Promise<AxeViolation[]> {
  const wrap = el.shadowRoot?.querySelector<HTMLElement>('.grid-wrap');
  if (!wrap) return axeViolations(el);
  const found = new Map<string, AxeViolation>();
  const add = (violation: AxeViolation, nodes: AxeViolation['nodes']) => {
    const known = found.get(violation.id);
    const seen = new Set(known?.nodes.map((node) => JSON.stringify(node.target)));
    const fresh = nodes.filter((node) => !seen.has(JSON.stringify(node.target)));
    if (known || fresh.length) found.set(violation.id, { ...violation, nodes: [...(known?.nodes ?? []), ...fresh] });
  };
  // Box by box: across (the grid's own scroll), then down (the page's), so every cell is once on screen.
  const pageTop = wrap.getBoundingClientRect().top + scrollY;
  for (let left = 0; ; left += wrap.clientWidth) {
    wrap.scrollLeft = left;
    for (let top = pageTop; ; top += innerHeight / 2) {
      scrollTo(0, top);
      await frame();
      const box = wrap.getBoundingClientRect();
      const onScreen = (node: { target: unknown }) => {
        const element = targetElement(node.target);
        if (!element || !wrap.contains(element)) return true;
        const rect = element.getBoundingClientRect();
        return rect.left >= box.left - 1 && rect.right <= box.right + 1 && rect.top >= 0 && rect.bottom <= innerHeight;
      };
      for (const violation of await axeViolations(el)) {
        add(violation, violation.id === 'color-contrast' ? violation.nodes.filter(onScreen) : violation.nodes);
      }
      if (top + innerHeight >= pageTop + wrap.offsetHeight) break;
    }
    if (left + wrap.clientWidth >= wrap.scrollWidth) break;
  }
  wrap.scrollLeft = 0;
  scrollTo(0, 0);
  return [...found.values()].filter((violation) => violation.nodes.length > 0);
}

/** What sticks out of the widget's box sideways (the cash-flow grid's contents scroll inside it). */
export function sticksOut(el: HTMLElement): string[] {
  const host = el.getBoundingClientRect();
  const root = el.shadowRoot!;
  const wrap = root.querySelector('.grid-wrap');
  const out: string[] = [];
  for (const node of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
    if (wrap && wrap !== node && wrap.contains(node)) continue;
    if (node.closest('.visually-hidden, [hidden], dialog:not([open])')) continue;
    const rect = node.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    if (rect.left < host.left - 1 || rect.right > host.right + 1) {
      out.push(`<${node.localName}${node.className ? ` class="${node.className}"` : ''}> ${Math.round(rect.left)}–${Math.round(rect.right)} px (widget ${Math.round(host.left)}–${Math.round(host.right)})`);
    }
  }
  if (document.documentElement.scrollWidth > innerWidth) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  return out;
}

export type { AxeViolation };

export async function expectAccessible(element: Element): Promise<void> {
  const violations = await axeViolations(element);
  expect(violations, reportViolations(violations)).to.have.length(0);
}
