// The fleet's settings and staged-upgrade pages (issue 18), by labels and roles.
import type { Locator, Page } from '@playwright/test';

export class FleetOpsPage {
  readonly compare: Locator;
  readonly upgradeStatus: Locator;

  constructor(readonly page: Page) {
    this.compare = page.getByRole('region', { name: /how the nodes differ|各节点的设置对比/i }).getByRole('table');
    this.upgradeStatus = page
      .getByRole('status')
      .filter({ hasText: /upgrad|stop|升级|停止/i })
      .first();
  }

  /** One setting's row of the comparison. */
  compareRow(setting: RegExp): Locator {
    return this.compare.getByRole('row').filter({ has: this.page.getByRole('cell', { name: setting }) });
  }

  /** The comparison's cell of a node, by the node's column. */
  async compareCell(setting: RegExp, nodeName: string): Promise<Locator> {
    // The table draws once the nodes have answered.
    await this.compare.getByRole('columnheader', { name: nodeName }).first().waitFor();
    await this.compareRow(setting).waitFor();
    const headers = await this.compare.getByRole('columnheader').allInnerTexts();
    const index = headers.findIndex((h) => h.split('\n')[0]!.trim() === nodeName);
    if (index < 0) throw new Error(`no column for ${nodeName} in ${headers.join(' | ')}`);
    return this.compareRow(setting).getByRole('cell').nth(index);
  }

  /** Only these nodes chosen. */
  async choose(names: string[]): Promise<void> {
    const all = this.page.getByRole('checkbox', { name: /^(all|全选)$/i });
    if (await all.isChecked()) await all.uncheck();
    else {
      await all.check();
      await all.uncheck();
    }
    for (const n of names) await this.page.getByRole('checkbox', { name: new RegExp(`^${n}\\b`) }).check();
  }

  tab(name: RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }

  /** A form's per-node outcome list. */
  outcome(form: RegExp): Locator {
    return this.page.getByRole('region', { name: form });
  }

  /** A node's row in the staged upgrade's progress. */
  upgradeRow(nodeName: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name: nodeName, exact: true }) });
  }
}
