// The records page, found by roles and labels in either language.
import { expect, type Locator, type Page } from '@playwright/test';
import { hrefs } from '../../src/config/paths';

export class RecordsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly drawer: Locator;
  readonly exportButton: Locator;
  readonly deleteAllButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.table = page.getByRole('table');
    this.drawer = page.getByRole('dialog');
    this.exportButton = page.getByRole('button', { name: /^(export|导出)( down)?$/i });
    this.deleteAllButton = page.getByRole('button', { name: /delete all records|删除全部记录/i });
  }

  /** Opens the page and waits for its title (the first load of a run can take long on a busy machine). */
  async goto(query = ''): Promise<void> {
    await this.page.goto(`${hrefs.records()}${query}`);
    await this.heading.waitFor({ timeout: 45_000 });
  }

  /** Reloads the page and waits for its title again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.heading.waitFor({ timeout: 45_000 });
  }

  tab(name: RegExp | string): Locator {
    return this.page.getByRole('tab', { name });
  }

  /**
   * Opens a filter's select by its label and picks an option by its text.
   * antd's visible options carry the label as their title; the listbox it
   * keeps for screen readers is zero-sized and cannot be clicked.
   */
  async choose(label: string, option: string): Promise<void> {
    const box = this.page.getByRole('combobox', { name: label, exact: true });
    // The chosen value shows in the field with its label as title (a tag in a multiple select).
    const chosen = this.page.locator('.ant-select').filter({ has: box }).getByTitle(option, { exact: true });
    const open = this.page.locator('.ant-select-dropdown:visible');
    // A click on an option still sliding in can be lost on a busy machine: try again until it shows
    // (never clicking a chosen option again, which would unselect it in a multiple select).
    await expect(async () => {
      if (await chosen.isVisible()) return;
      await box.click();
      await open.getByTitle(option, { exact: true }).click({ timeout: 5_000 });
      // Multiple selects stay open: close them.
      await this.page.keyboard.press('Escape');
      await expect(chosen).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(open).toHaveCount(0);
  }

  /** The "Details" button of every row, in table order. */
  get detailButtons(): Locator {
    return this.table.getByRole('button', { name: /details|查看详情/i });
  }

  get dataRows(): Locator {
    return this.table
      .locator('tbody')
      .getByRole('row')
      .filter({ has: this.page.getByRole('checkbox') });
  }

  get exportDialog(): Locator {
    return this.page.getByRole('dialog').filter({ hasText: /export|导出/i });
  }

  /** Exports the whole filter: one click on the menu item starts it (and its downloads). */
  async exportFiltered(): Promise<void> {
    await this.exportButton.click();
    await this.page.getByRole('menuitem', { name: /matching the filters|符合当前筛选/i }).click();
  }

  fileLink(n: number): Locator {
    return this.exportDialog.getByRole('link', { name: new RegExp(`download file ${n}\\b|下载文件 ${n}`, 'i') });
  }
}
