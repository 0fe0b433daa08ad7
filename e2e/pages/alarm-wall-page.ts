// The live alarm wall, found by roles and labels in either language. Cards are
// told apart by their capture id (data-snap-id): names and cameras repeat on a
// wall, and the spec knows the id from the emulator's answer.
import type { Locator, Page } from '@playwright/test';
import { hrefs } from '../../src/config/paths';

export class AlarmWallPage {
  readonly feed: Locator;
  readonly cards: Locator;
  readonly pause: Locator;
  readonly resume: Locator;
  readonly ackAll: Locator;
  readonly mute: Locator;
  readonly unmute: Locator;
  readonly kioskButton: Locator;
  readonly exitKiosk: Locator;
  readonly kiosk: Locator;
  readonly clock: Locator;
  readonly filters: Locator;
  readonly cameras: Locator;
  readonly libraries: Locator;
  readonly listType: Locator;
  readonly strangers: Locator;
  readonly clearFilters: Locator;
  readonly detail: Locator;
  /** The wall's own banner about the stream (not the header's light). */
  readonly streamBanner: Locator;
  readonly pausedBanner: Locator;
  readonly navigation: Locator;
  readonly header: Locator;

  constructor(readonly page: Page) {
    this.feed = page.getByRole('feed', { name: /^(alarms|告警)$/i });
    this.cards = this.feed.getByRole('article');
    // The toggle (aria-pressed), not the paused banner's own Resume button.
    this.pause = page.getByRole('button', { name: /^(pause-circle )?(pause|暂停)$/i, pressed: false });
    this.resume = page.getByRole('button', { name: /^(play-circle )?(resume|继续)$/i, pressed: true });
    this.ackAll = page.getByRole('button', { name: /acknowledge all|全部确认/i });
    this.mute = page.getByRole('button', { name: /^(sound )?(mute|静音)$/i });
    this.unmute = page.getByRole('button', { name: /^(muted )?(unmute|取消静音)$/i });
    this.kioskButton = page.getByRole('button', { name: /kiosk mode|大屏模式/i });
    this.exitKiosk = page.getByRole('button', { name: /exit kiosk|退出大屏/i });
    this.kiosk = page.getByRole('region', { name: /kiosk mode|大屏告警墙/i });
    this.clock = page.getByRole('timer', { name: /clock|时钟/i });
    this.filters = page.getByRole('group', { name: /^(filters|筛选)$/i });
    this.cameras = this.filters.getByRole('combobox', { name: /^(cameras|相机)$/i });
    this.libraries = this.filters.getByRole('combobox', { name: /^(libraries|人脸库)$/i });
    this.listType = this.filters.getByRole('combobox', { name: /^(list type|名单类型)$/i });
    this.strangers = this.filters.getByRole('switch', { name: /show strangers|显示陌生人/i });
    this.clearFilters = this.filters.getByRole('button', { name: /clear filters|清除筛选/i });
    this.detail = page.getByRole('dialog', { name: /alarm details|告警详情/i });
    this.streamBanner = page.getByRole('alert').filter({ hasText: /connect|reach|refused|连接|推送|设备/i });
    this.pausedBanner = page.getByRole('alert').filter({ hasText: /paused|暂停/i });
    this.navigation = page.getByRole('navigation', { name: /main navigation|主导航/i });
    this.header = page.getByRole('banner').filter({ has: page.getByRole('button', { name: /log out|退出登录/i }) });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`${hrefs.alarmWall()}${query}`);
  }

  card(snapId: string): Locator {
    return this.feed.locator(`article[data-snap-id="${snapId}"]`);
  }

  /** A layout's radio (Flow / Tiles): to read whether it is on. */
  layoutRadio(name: RegExp): Locator {
    return this.page.getByRole('radio', { name });
  }

  /** Switch the layout: antd's Segmented keeps each radio under its label, which takes the click. */
  async chooseLayout(name: RegExp): Promise<void> {
    await this.page.locator('label', { has: this.layoutRadio(name) }).click();
  }

  /** Whether a card's tile is the one the "Newest" ring is over (tile layout). */
  async isNewest(snapId: string): Promise<boolean> {
    const tile = await this.feed
      .locator('.wall-tile', { has: this.page.locator(`article[data-snap-id="${snapId}"]`) })
      .getAttribute('data-tile');
    const ring = await this.feed.locator('.wall-tile-marker').getAttribute('data-tile');
    return tile !== null && tile === ring;
  }

  /** The "Newest" ring's label (tile layout). */
  get newestLabel(): Locator {
    return this.feed.getByText(/^(newest|最新)$/i);
  }

  ackButton(snapId: string): Locator {
    return this.card(snapId).getByRole('button', { name: /acknowledge|确认/i });
  }

  /** The order of the cards on screen (their capture ids). */
  async order(): Promise<string[]> {
    return this.cards.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.snapId ?? ''));
  }

  /** Chimes the page has played (the sound module counts them on window). */
  async chimes(): Promise<number> {
    return this.page.evaluate(() => window.__alarmSounds ?? 0);
  }

  /**
   * Opens a select and clicks an option by its text. antd's visible options are
   * not the accessible ones; they carry their label as a title. The open list is
   * the last thing in the page.
   */
  async chooseOption(select: Locator, option: string): Promise<void> {
    await select.click();
    await this.page.getByTitle(option, { exact: true }).last().click();
    await this.page.keyboard.press('Escape');
  }
}

declare global {
  interface Window {
    __alarmSounds?: number;
  }
}
