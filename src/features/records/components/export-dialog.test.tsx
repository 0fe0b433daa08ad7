import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeDevice } from '../../../test/fake-device';
import { renderRoutes, resetState } from '../../../test/render';
import type { FilterRequest } from '../model/record-view';
import { ExportDialog } from './export-dialog';

beforeAll(() => configure({ asyncUtilTimeout: 5000 }));
beforeEach(() => resetState('en-US'));
afterEach(() => vi.unstubAllGlobals());

function renderDialog(request: FilterRequest, total: number, selected: string[] = []) {
  return renderRoutes(
    [
      {
        path: '/',
        element: (
          <App>
            <ExportDialog
              open
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
    renderDialog({ tab: 'alarms', filter: { channel: 1, start_time: '2024-05-01 00:00:00' } }, 1200);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/all 2 libraries on the device will be used/)).toBeInTheDocument();
    expect(within(dialog).getByText(/3 zip files will be made/)).toBeInTheDocument();
    const u = userEvent.setup();
    await u.click(within(dialog).getByRole('button', { name: 'Start export' }));
    expect(await within(dialog).findByText('Export finished. Files made: 3.')).toBeInTheDocument();
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
    renderDialog({ tab: 'alarms', filter: {} }, 80, ['kept-id', 'gone-id']);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('radio', { name: 'The 2 selected records' })).toBeChecked();
    const u = userEvent.setup();
    await u.click(within(dialog).getByRole('button', { name: 'Start export' }));
    expect(await within(dialog).findByText('1 record could not be exported (deleted meanwhile?):')).toBeInTheDocument();
    expect(within(dialog).getByText('gone-id')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: /Download the export \(1 record\)/ })).toHaveAttribute('href', '/ws/tmp/alarm_x.zip');
    expect(dev.sent('1042')[0]!.body).toMatchObject({ snap_ids: 'kept-id,gone-id' });
  });

  it('says in words when there is nothing to export (-2100)', async () => {
    fakeDevice({ '1040': () => ({ code: -2100 }) });
    renderDialog({ tab: 'snapshots', filter: {} }, 5);
    const dialog = await screen.findByRole('dialog');
    const u = userEvent.setup();
    await u.click(within(dialog).getByRole('button', { name: 'Start export' }));
    await waitFor(() => expect(within(dialog).getByText('No content to export')).toBeInTheDocument());
    expect(within(dialog).getByText('Nothing matches: widen the filters.')).toBeInTheDocument();
  });
});
