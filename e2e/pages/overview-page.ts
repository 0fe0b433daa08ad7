// The overview, found by roles, labels and its charts' stable names (data-chart).
import { expect, type Locator, type Page } from '@playwright/test';
import { hrefs } from '../../src/config/paths';

export type ChartName = 'hours' | 'days' | 'cameras' | 'libraries' | 'faces' | 'top';

export class OverviewPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async goto(): Promise<void> {
    await this.page.goto(hrefs.overview());
    await this.heading.waitFor({ timeout: 45_000 });
  }

  chart(name: ChartName): Locator {
    return this.page.locator(`[data-chart="${name}"]`);
  }

  /** Waits until the chart's numbers are all in. */
  async ready(name: ChartName): Promise<Locator> {
    const c = this.chart(name);
    await expect(c).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    return c;
  }

  /** Switches the chart to its table and reads it: first column, then the numbers. */
  async table(name: ChartName, switchName: RegExp): Promise<{ label: string; values: number[] }[]> {
    const c = await this.ready(name);
    const sw = c.getByRole('switch', { name: switchName });
    if ((await sw.getAttribute('aria-checked')) !== 'true') await sw.click();
    const rows = c.locator('tr.ant-table-row');
    await expect(rows.first()).toBeVisible();
    const out: { label: string; values: number[] }[] = [];
    for (const r of await rows.all()) {
      const cells = await r.locator('td').allInnerTexts();
      out.push({ label: cells[0]!.trim(), values: cells.slice(1).map((x) => Number(x.trim())) });
    }
    return out;
  }

  /** Clicks a bar of the chart (series, index) at the point the chart says it drew it. */
  async clickBar(name: ChartName, series: number, index: number): Promise<void> {
    const canvas = (await this.ready(name)).locator('canvas');
    await expect(canvas).toHaveAttribute('data-bars', /\[/);
    const bars = JSON.parse((await canvas.getAttribute('data-bars'))!) as [number, number, number, number][];
    const bar = bars.find(([s, i]) => s === series && i === index);
    if (!bar) throw new Error(`no bar ${series}/${index} on ${name}`);
    await canvas.click({ position: { x: bar[2], y: bar[3] } });
  }
}
