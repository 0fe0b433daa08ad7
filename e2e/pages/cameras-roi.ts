// The ROI and face-size editor: the canvas is driven with the mouse at frame
// coordinates (the stage says its scale and where the squares are), the exact
// numbers are read from the labelled inputs beside it.
import type { Locator, Page } from '@playwright/test';
import { hrefs } from '../../src/config/paths';

export interface FramePoint {
  x: number;
  y: number;
}

export class CamerasRoi {
  readonly stage: Locator;
  readonly x1: Locator;
  readonly y1: Locator;
  readonly x2: Locator;
  readonly y2: Locator;
  readonly faceMin: Locator;
  readonly faceMax: Locator;
  readonly save: Locator;
  readonly reset: Locator;
  readonly uploadButton: Locator;
  readonly sourceNote: Locator;
  readonly limit: Locator;
  readonly dirtyState: Locator;
  readonly captures: Locator;

  constructor(readonly page: Page) {
    this.stage = page.getByRole('application', { name: /Region of interest editor|感兴趣区域编辑器/ });
    this.x1 = page.getByLabel(/^(Left \(x1\)|左 \(x1\))$/);
    this.y1 = page.getByLabel(/^(Top \(y1\)|上 \(y1\))$/);
    this.x2 = page.getByLabel(/^(Right \(x2\)|右 \(x2\))$/);
    this.y2 = page.getByLabel(/^(Bottom \(y2\)|下 \(y2\))$/);
    this.faceMin = page.getByLabel(/^(Smallest face \(px\)|最小人脸（像素）)$/);
    this.faceMax = page.getByLabel(/^(Largest face \(px\)|最大人脸（像素）)$/);
    this.save = page.getByRole('button', { name: /^(Save|保存)$/ });
    this.reset = page.getByRole('button', { name: /Reset to full frame|恢复为全画面/ });
    this.uploadButton = page.getByRole('button', { name: /Upload a screenshot|上传画面截图/ });
    this.sourceNote = page.getByTestId('frame-source-note');
    this.limit = page.getByTestId('roi-limit');
    this.dirtyState = page.getByTestId('roi-dirty');
    this.captures = page.getByRole('list', { name: /Captures since saving|保存后的抓拍/ });
  }

  async goto(channel: number): Promise<void> {
    await this.page.goto(hrefs.cameraRoi(channel));
  }

  source(name: RegExp): Locator {
    return this.page.getByRole('radio', { name });
  }

  async chooseShape(name: RegExp): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: /Shape to adjust|选择要调整的图形/ })
      .getByText(name)
      .click();
  }

  /** Frame pixels → page pixels. */
  async toPage(p: FramePoint): Promise<FramePoint> {
    const box = await this.stage.boundingBox();
    const scale = Number(await this.stage.getAttribute('data-scale'));
    if (!box || !scale) throw new Error('the ROI stage is not laid out');
    return { x: box.x + p.x * scale, y: box.y + p.y * scale };
  }

  /** A face square as [x, y, size] in frame pixels. */
  async square(which: 'min' | 'max'): Promise<[number, number, number]> {
    const raw = await this.stage.getAttribute(`data-${which}-square`);
    const [x, y, size] = (raw ?? '').split(',').map(Number) as [number, number, number];
    return [x, y, size];
  }

  /** Presses at `from` and releases at `to` (frame pixels), in small steps as a hand would. */
  async drag(from: FramePoint, to: FramePoint): Promise<void> {
    const a = await this.toPage(from);
    const b = await this.toPage(to);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x, b.y, { steps: 12 });
    await this.page.mouse.up();
  }

  async uploadFrame(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.uploadButton.click();
    await (await chooser).setFiles(file);
  }
}
