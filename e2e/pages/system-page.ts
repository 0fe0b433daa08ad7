// The system page, found by its tabs, labels and button names, in English.
import type { Locator, Page } from '@playwright/test';
import { hrefs } from '../../src/config/paths';

export type SystemTabName = 'Overview' | 'Time' | 'Network' | 'Storage' | 'HTTP push' | 'HTTPS and access' | 'Maintenance';
const TAB_KEYS: Record<SystemTabName, string> = {
  Overview: 'overview',
  Time: 'time',
  Network: 'network',
  Storage: 'storage',
  'HTTP push': 'push',
  'HTTPS and access': 'access',
  Maintenance: 'maintenance',
};

export class SystemPage {
  constructor(readonly page: Page) {}

  async goto(tab: SystemTabName = 'Overview'): Promise<void> {
    await this.page.goto(hrefs.system(tab === 'Overview' ? undefined : TAB_KEYS[tab]));
  }

  tab(name: SystemTabName): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async openTab(name: SystemTabName): Promise<void> {
    await this.tab(name).click();
  }

  /** The visible tab panel (antd keeps visited panels in the DOM, hidden). */
  get panel(): Locator {
    return this.page.getByRole('tabpanel').filter({ visible: true });
  }

  /** A dialog by its title. */
  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  // ---- Overview ----
  async changeDeviceId(id: string): Promise<void> {
    await this.panel
      .getByRole('button', { name: /change/i })
      .first()
      .click();
    const input = this.panel.getByLabel('Device ID', { exact: true });
    await input.fill(id);
    await this.panel.getByRole('button', { name: 'Save', exact: true }).click();
  }

  // ---- Time ----
  get ntpServer(): Locator {
    return this.panel.getByLabel('NTP server');
  }

  async saveNtp(): Promise<void> {
    await this.panel.getByRole('button', { name: /save ntp settings/i }).click();
  }

  async setTimeByHand(wallClock: string): Promise<void> {
    await this.panel.getByRole('radio', { name: 'Set by hand' }).check();
    const picker = this.panel.getByLabel('Date and time');
    await picker.fill(wallClock);
    // Leaving the field takes the typed time (Enter would submit the form at once).
    await picker.press('Tab');
    await this.panel.getByRole('button', { name: /set time/i }).click();
  }

  get deviceTime(): Locator {
    return this.panel.getByTestId('device-time');
  }

  // ---- Network ----
  async editInterface(eth: string): Promise<Locator> {
    await this.panel.getByRole('button', { name: `Edit ${eth}` }).click();
    return this.dialog(`Edit interface ${eth}`);
  }

  // ---- Storage ----
  async chooseStoragePolicy(name: 'Overwrite when full' | 'Stop when full'): Promise<void> {
    await this.panel.getByRole('radio', { name: new RegExp(name) }).check();
    await this.panel.getByRole('button', { name: /save storage policy/i }).click();
  }

  // ---- Push ----
  async setPushTarget(url: string, key: string): Promise<void> {
    await this.panel.getByLabel('Receiver URL').fill(url);
    await this.panel.getByLabel('Key', { exact: true }).fill(key);
    await this.panel.getByRole('button', { name: /save push target/i }).click();
  }

  // ---- HTTPS ----
  /** Uploads through the file chooser the button opens, as a user would. */
  async uploadHttpsFile(what: 'certificate' | 'private key', file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.panel.getByRole('button', { name: new RegExp(`(upload|replace) ${what}`, 'i') }).click();
    await (await chooser).setFiles(file);
  }

  async switchProtocol(to: 'HTTPS' | 'HTTP'): Promise<void> {
    await this.panel.getByRole('button', { name: to === 'HTTPS' ? /switch to https/i : /switch back to http/i }).click();
    const confirm = this.dialog(to === 'HTTPS' ? 'Switch to HTTPS?' : 'Switch back to HTTP?');
    await confirm.getByRole('button', { name: /switch and restart/i }).click();
  }

  // ---- Maintenance ----
  async chooseUpgradePackage(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.panel.getByRole('button', { name: /choose package/i }).click();
    await (await chooser).setFiles(file);
  }

  /** Opens the reboot confirmation, which names the device. */
  async askReboot(deviceId: string): Promise<Locator> {
    await this.panel.getByRole('button', { name: /reboot device/i }).click();
    return this.dialog(`Reboot ${deviceId}?`);
  }

  /** The overlay that follows a restart, titled e.g. "Rebooting gate-3". */
  restartOverlay(title: string | RegExp): Locator {
    return this.dialog(title);
  }
}
