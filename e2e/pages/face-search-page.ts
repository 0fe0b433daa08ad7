// The face search page: three modes, photos given through the file chooser.
import type { Locator, Page } from '@playwright/test';
import { hrefs } from '../../src/config/paths';

export interface PhotoFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export class FaceSearchPage {
  readonly heading: Locator;
  readonly searchButton: Locator;
  readonly results: Locator;
  readonly rejection: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.searchButton = page.getByRole('button', { name: /^(search|搜索)( face \d+|人脸 \d+)?$/i });
    this.results = page.getByRole('list', { name: /results|搜索结果/i });
    this.rejection = page.getByRole('alert');
  }

  /** Opens the page and waits for its title (the first load of a run can take long on a busy machine). */
  async goto(query = ''): Promise<void> {
    await this.page.goto(`${hrefs.faceSearch()}${query}`);
    await this.heading.waitFor({ timeout: 45_000 });
  }

  mode(name: RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }

  /** The drop zones are buttons that open the file chooser (drop and paste work too). */
  dropZone(name: RegExp = /drop, paste or choose|拖入、粘贴或点击选择/i): Locator {
    return this.page.getByRole('button', { name });
  }

  async givePhoto(photo: PhotoFile, zone: Locator = this.dropZone()): Promise<void> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), zone.click()]);
    await chooser.setFiles(photo);
  }

  face(n: number): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^(face ${n}|人脸 ${n})\\b`, 'i') });
  }

  photo(alt: RegExp = /the photo to search|待搜索的照片/i): Locator {
    return this.page.getByRole('img', { name: alt });
  }

  get matches(): Locator {
    return this.results.getByRole('listitem');
  }
}
