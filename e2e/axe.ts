// The accessibility scan every spec uses: axe's serious and critical
// violations, one line per rule with the elements it found.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * The whole page, shell included, unless `within` names a part: an open dialog
 * is scanned alone, since the page behind its mask is dimmed on purpose and inert.
 */
export async function seriousViolations(page: Page, where = 'page', within?: string): Promise<string[]> {
  await animationsSettled(page);
  const builder = new AxeBuilder({ page });
  if (within) builder.include(within);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n  ')}`,
    );
}

/**
 * Colours caught mid-fade read as low contrast (a dialog fading in scanned at
 * 4.15:1): wait until every finite CSS animation and transition has ended, as
 * often as one ending starts another (antd's motion chains them). Spinners
 * run for ever and are left to run.
 */
async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let round = 0; round < 10; round++) {
      const running = document
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
      if (running.length === 0) return;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  });
}
