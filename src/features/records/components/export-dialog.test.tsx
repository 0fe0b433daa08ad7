import { configure, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeDevice } from '../../../test/fake-device';
import { renderRoutes, resetState } from '../../../test/render';
import type { FilterRequest } from '../model/record-view';
import { ExportDialog } from './export-dialog';

beforeAll(() => configure({ asyncUtilTimeout: 5000 }));
beforeEach(() => resetState('en-US'));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The downloads the dialog starts by itself (an <a download> clicked), by file. */
function watchDownloads(): string[] {
  const started: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (this.hasAttribute('download')) started.push(this.getAttribute('href') ?? '');
  });
  return started;
}

function renderDialog(request: FilterRequest, total: number, selected: string[] = [], what: 'filtered' | 'chosen' = 'filtered') {
  return renderRoutes(
    [
      {
        path: '/',
        element: (
          <App>
            <ExportDialog
              what={what}
              onClose={() => {}}
              tabLabel="Alarms"
              request={request}
              total={total}
              selected={selected}
              libraryIds={[1, 2]}
              deviceNow="2024-05-02 10:00:00"
            />
          </App>
        ),
      },
    ],
    '/',
  );
}

describe('the export dialog', () => {
  it('exports the filter page after page, 500 per file, with every library for alarms and the end pinned', async () => {
    const dev = fakeDevice({
      '1039': ({ body }) => {
        const start = Number(body.start_no);
        const n = Math.min(500, 1200 - start + 1);
        return { data: { export_url: `tmp/alarm_${start}.zip`, result_num: n, total_num: 1200 } };
      },
    });
    const downloads = watchDownloads();
    renderDialog({ tab: 'alarms', filter: { channel: 1, start_time: '2024-05-01 00:00:00' } }, 1200);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/all 2 libraries on the device will be used/)).toBeInTheDocument();
    expect(within(dialog).getByText(/3 zip files will be made/)).toBeInTheDocument();
    // No second click: the export starts as the dialog opens and each file downloads by itself.
    expect(await within(dialog).findByText('Export finished: 3 files, downloading.')).toBeInTheDocument();
    expect(downloads).toEqual(['/ws/tmp/alarm_1.zip', '/ws/tmp/alarm_501.zip', '/ws/tmp/alarm_1001.zip']);
    expect(dev.sent('1039').map((r) => r.body)).toEqual(
      [1, 501, 1001].map((start_no) => ({
        msg_id: '1039',
        channel: 1,
        start_time: '2024-05-01 00:00:00',
        stop_time: '2024-05-02 10:00:00',
        lib_ids: '1,2',
        start_no,
        qry_len: 500,
      })),
    );
    expect(within(dialog).getByRole('link', { name: /Download file 3 \(records 1001–1200\)/ })).toHaveAttribute(
      'href',
      '/ws/tmp/alarm_1001.zip',
    );
  });

  it('exports the selected rows in one file and lists the ids the device could not export', async () => {
    const dev = fakeDevice({
      '1042': () => ({ data: { export_url: 'tmp/alarm_x.zip', result_num: 1, total_num: 2, failed_img_ids: 'gone-id' } }),
    });
    const downloads = watchDownloads();
    renderDialog({ tab: 'alarms', filter: {} }, 80, ['kept-id', 'gone-id'], 'chosen');
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('The 2 selected records')).toBeInTheDocument();
    expect(await within(dialog).findAllByText('1 item could not be exported (deleted meanwhile?):')).not.toHaveLength(0);
    expect(downloads).toEqual(['/ws/tmp/alarm_x.zip']);
    expect(within(dialog).getByText('gone-id')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: /Download the export \(1 record\)/ })).toHaveAttribute('href', '/ws/tmp/alarm_x.zip');
    expect(dev.sent('1042')[0]!.body).toMatchObject({ snap_ids: 'kept-id,gone-id' });
  });

  it('says in words when there is nothing to export (-2100)', async () => {
    fakeDevice({ '1040': () => ({ code: -2100 }) });
    renderDialog({ tab: 'snapshots', filter: {} }, 5);
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByText('No content to export')).toBeInTheDocument());
    expect(within(dialog).getByText('Nothing matches: widen the filters.')).toBeInTheDocument();
  });
});
