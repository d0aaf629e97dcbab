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

export async function expectAccessible(element: Element): Promise<void> {
  const { violations } = await (
    await axe()
  ).run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { 'target-size': { enabled: true }, region: { enabled: false } },
  });
  const report = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n\n');
  expect(violations, report).to.have.length(0);
}
