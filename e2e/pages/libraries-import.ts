// The batch import page: pick, check, fix, run, results.
import { expect, type Locator, type Page } from '@playwright/test';
import { press, typeInto } from './libraries-keys';
import { hrefs } from '../../src/config/paths';

export class LibraryImportPage {
  readonly folderInput: Locator;
  readonly filesInput: Locator;
  readonly table: Locator;
  readonly progress: Locator;
  readonly status: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.folderInput = page.getByTestId('import-folder-input');
    this.filesInput = page.getByTestId('import-files-input');
    this.table = page.getByRole('table');
    this.progress = page.getByRole('progressbar', { name: /import progress|导入进度/i });
    this.status = page.getByRole('region', { name: /import progress|导入进度/i }).getByRole('status');
    this.dialog = page.getByRole('dialog');
  }

  async goto(libId: number): Promise<void> {
    await this.page.goto(hrefs.libraryImport(libId));
  }

  summary(label: string): Locator {
    return this.page
      .getByRole('group', { name: /import summary|导入概况/i })
      .locator('.ant-statistic')
      .filter({ hasText: label });
  }

  row(source: string | RegExp): Locator {
    return this.table.getByRole('row').filter({ hasText: source });
  }

  async button(name: string | RegExp): Promise<void> {
    await press(this.page.getByRole('button', { name }));
  }

  async show(name: string): Promise<void> {
    const radio = this.page.getByRole('radiogroup', { name: /show|显示/i }).getByRole('radio', { name });
    await radio.focus();
    await radio.press('Space');
  }

  async fixRow(source: string, fields: Partial<Record<'Name' | 'Age' | 'Address' | 'Id number', string>>): Promise<void> {
    await press(this.page.getByRole('button', { name: `Fix ${source}` }));
    for (const [label, value] of Object.entries(fields)) await typeInto(this.dialog.getByLabel(label, { exact: true }), value);
    await press(this.dialog.getByRole('button', { name: 'Save row' }));
    // Closed, and the focus back on the row's Fix button: while the dialog closes, its
    // focus trap keeps the focus, and a key pressed elsewhere then is lost (a Drop pressed
    // 0.2 s after the save did nothing).
    await expect(this.dialog).toHaveCount(0);
  }
}
