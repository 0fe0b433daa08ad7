// A library's gallery: search, grid / table, the person drawer, enrolment,
// selection, export. Locators and keyboard actions; the only expects are waits
// for what a person sees before the next key.
import { expect, type Locator, type Page } from '@playwright/test';
import { choose, press, toggle, typeInto } from './libraries-keys';
import { hrefs } from '../../src/config/paths';

export class LibraryGalleryPage {
  readonly grid: Locator;
  readonly search: Locator;
  readonly quickSearch: Locator;
  readonly selectionBar: Locator;
  readonly drawer: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('list', { name: /^(people|人员)$/i });
    this.search = page.getByRole('search');
    this.quickSearch = page.getByRole('searchbox', { name: /quick search for people|模糊搜索人员/i });
    this.selectionBar = page.getByRole('region', { name: /selected people|已选人员/i });
    this.drawer = page.getByRole('dialog').filter({ has: page.locator('.ant-drawer-body') });
    this.dialog = page.getByRole('dialog');
  }

  async goto(libId: number, query = ''): Promise<void> {
    await this.page.goto(`${hrefs.library(libId)}${query ? `?${query}` : ''}`);
  }

  card(name: string): Locator {
    return this.grid.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: `Open ${name}` }) });
  }

  /**
   * No drawer or dialog left, closing ones included: as one closes it hands
   * focus back to what opened it, which can take keys typed meanwhile.
   */
  async settled(): Promise<void> {
    await expect(this.dialog).toHaveCount(0);
  }

  async quickFind(text: string): Promise<void> {
    await this.settled();
    await typeInto(this.quickSearch, text);
    await expect(this.quickSearch).toHaveValue(text);
    await this.quickSearch.press('Enter');
  }

  async mode(name: 'Quick search' | 'Exact filters'): Promise<void> {
    await this.settled();
    await toggle(this.search.getByRole('radio', { name }));
  }

  async open(name: string): Promise<void> {
    await this.settled();
    await press(this.page.getByRole('button', { name: `Open ${name}` }));
  }

  async select(name: string): Promise<void> {
    await this.settled();
    await toggle(this.page.getByRole('checkbox', { name: `Select ${name}` }));
  }

  async openEnrol(): Promise<void> {
    await this.settled();
    await press(this.page.getByRole('button', { name: /add person|添加人员/i }));
  }

  /** The enrol drawer's photo input (the "Choose a photo" button opens it). */
  photoInput(): Locator {
    return this.page.getByTestId('enrol-photo-input');
  }

  field(label: string | RegExp): Locator {
    return this.drawer.getByLabel(label);
  }

  async fill(label: string | RegExp, text: string): Promise<void> {
    await typeInto(this.field(label), text);
  }

  async chooseGender(option: 'Female' | 'Male'): Promise<void> {
    await choose(this.drawer.getByRole('combobox', { name: 'Gender' }), option);
  }

  async drawerButton(name: string | RegExp): Promise<void> {
    await press(this.drawer.getByRole('button', { name }));
  }
}
