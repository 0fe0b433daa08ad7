// The accessibility scan every spec uses: axe's serious and critical
// violations, one line per rule with the elements it found.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * The whole page, shell included, unless `within` names a part: an open dialog
 * is scanned alone, since the page behind its mask is dimmed on purpose and inert.
 */
export async function seriousViolations(page: Page, where = 'page', within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (within) builder.include(within);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n  ')}`);
}
