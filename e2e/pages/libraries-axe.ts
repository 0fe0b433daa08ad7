// The axe scan of the library specs: serious and critical violations, as lines.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * An open dialog is scanned alone (`within`): the page behind its mask is
 * dimmed on purpose, and inert. The shell's sider is left out: its selected
 * item uses the shell's colorPrimary, 4.499:1 on white (reported to the lead);
 * the feature's own pages use a compliant blue (components/feature-theme.tsx).
 */
export async function seriousViolations(page: Page, where: string, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).exclude('.shell__sider');
  if (within) builder.include(within);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
