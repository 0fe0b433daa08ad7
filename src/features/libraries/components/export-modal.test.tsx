import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../../../session/session-store';
import { FAKE_SESSION, FAKE_USER, fakeDevice } from '../../../test/fake-device';
import { renderWithApp, resetState } from '../../../test/render';
import { ExportModal } from './export-modal';

beforeEach(() => {
  resetState('en-US');
  useSessionStore.getState().start(FAKE_SESSION, FAKE_USER);
});
afterEach(() => vi.restoreAllMocks());

function watchDownloads(): string[] {
  const started: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (this.hasAttribute('download')) started.push(this.getAttribute('href') ?? '');
  });
  return started;
}

describe('library exports', { timeout: 60_000 }, () => {
  it('"Export this page" exports at once and the zip downloads by itself: no range to fill in', async () => {
    const downloads = watchDownloads();
    const dev = fakeDevice({ '1038': () => ({ data: { export_url: 'tmp/lib_21.zip', result_num: 20, total_num: 300 } }) });
    renderWithApp(<ExportModal libId={4} request={{ kind: 'range', start: 21, len: 20, total: 300, ask: false }} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Export finished: 1 file, downloading.')).toBeInTheDocument();
    expect(dev.sent('1038')[0]!.body).toMatchObject({ lib_id: 4, start_no: 21, qry_len: 20 });
    expect(downloads).toEqual(['/ws/tmp/lib_21.zip']);
    expect(within(dialog).queryByLabelText('Start at person number')).toBeNull();
  });

  it('"Export a range…" asks for the range first, then runs the same way', async () => {
    const downloads = watchDownloads();
    const dev = fakeDevice({ '1038': () => ({ data: { export_url: 'tmp/lib_1.zip', result_num: 20, total_num: 300 } }) });
    renderWithApp(<ExportModal libId={4} request={{ kind: 'range', start: 1, len: 20, total: 300, ask: true }} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('Start at person number')).toBeInTheDocument();
    expect(dev.sent('1038')).toHaveLength(0);
    within(dialog)
      .getByRole('button', { name: /Export and download/ })
      .click();
    await waitFor(() => expect(downloads).toEqual(['/ws/tmp/lib_1.zip']));
  });
});
