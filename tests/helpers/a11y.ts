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

export type { AxeViolation };

export async function expectAccessible(element: Element): Promise<void> {
  const violations = await axeViolations(element);
  const report = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n\n');
  expect(violations, report).to.have.length(0);
}
