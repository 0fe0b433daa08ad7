// The distribute page (issue 18): the choice, the run's progress, the ledger.
// Locators by role and label, in either language; no assertions.
import type { Locator, Page } from '@playwright/test';

export class DistributePage {
  readonly run: Locator;
  readonly ledger: Locator;
  readonly summary: Locator;
  readonly filter: Locator;
  readonly table: Locator;
  readonly confirm: Locator;

  constructor(readonly page: Page) {
    this.run = page.getByRole('region', { name: /^(progress|进度)$/i });
    this.ledger = page.locator('.distribute-ledger');
    this.summary = page.getByRole('list', { name: /ledger|核对表/i });
    this.filter = page.getByRole('combobox', { name: /^(show|显示)$/i });
    this.table = this.ledger.getByRole('table');
    this.confirm = page.getByRole('dialog');
  }

  button(name: RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /** One node's progress in the run panel. */
  runNode(name: string): Locator {
    return this.run.getByRole('listitem', { name, exact: true });
  }

  /** One node's line of the ledger's summary. */
  summaryOf(name: string): Locator {
    return this.summary.getByRole('listitem').filter({ hasText: `${name}:` });
  }

  async show(state: RegExp): Promise<void> {
    await this.filter.click();
    // antd names only the options near the active one for assistive tech; the visible list has them all.
    await this.page.locator('.ant-select-item-option').filter({ hasText: state }).click();
  }

  /** The ledger's row of a person (by img_id). */
  row(imgId: string): Locator {
    return this.table.getByRole('row').filter({ hasText: imgId });
  }

  /** The table's data rows on the page shown. */
  rows(): Locator {
    return this.table.locator('tbody tr.ant-table-row');
  }
}
