import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeDevice, type Route } from '../../../test/fake-device';
import { renderRoutes, resetState } from '../../../test/render';
import { alarmRecord } from './alarm-fixture';
import { RecordsPage } from './records-page';

// The whole page (table, drawer) renders slowly in jsdom on a busy machine.
beforeAll(() => configure({ asyncUtilTimeout: 10_000 }));
vi.setConfig({ testTimeout: 60_000 });
beforeEach(() => resetState('en-US'));
afterEach(() => vi.unstubAllGlobals());

const alarm = alarmRecord();

const page = (records: unknown[], total = records.length) => ({ data: { record: records, result_num: records.length, total_num: total } });

function device(extra: Record<string, Route> = {}) {
  return fakeDevice({
    '1283': () => ({ data: { sys_time: '2024-05-02 10:00:00', time_format: 'yyyy-MM-dd HH:mm:ss', time_zone: 'GMT+08:00' } }),
    '516': () => ({
      data: {
        camera: [{ channel: 1, camera_name: 'Main entrance', lib_ids: '7', threshold: 88 }],
        computing_power_capacity: 16,
        used_computing_power: 2,
      },
    }),
    '1028': () => ({ data: [{ lib_id: 7, lib_name: 'Blacklist', lib_type: 1, picture_no: 4, create_time: '', update_time: '' }] }),
    '1036': () => page([alarm]),
    '1037': () => page([], 1200),
    '1046': () => page([], 300),
    ...extra,
  });
}

const render = (url: string) =>
  renderRoutes(
    [
      {
        path: '/records',
        element: (
          <App>
            <RecordsPage />
          </App>
        ),
      },
    ],
    url,
  );

describe('the records page', () => {
  it("asks for yesterday on the device's clock, shows both faces, and the attributes in words", async () => {
    const dev = device();
    render('/records?tab=alarms&range=yesterday&ch=1&libs=7');
    expect(await screen.findByText('James Smith')).toBeInTheDocument();
    expect(dev.sent('1036').at(-1)!.body).toMatchObject({
      channel: 1,
      lib_ids: '7',
      start_time: '2024-05-01 00:00:00',
      stop_time: '2024-05-01 23:59:59',
      start_no: 1,
      qry_len: 10,
    });
    expect(screen.getByText('Device time 2024-05-01 00:00:00 to 2024-05-01 23:59:59')).toBeInTheDocument();
    expect(screen.getByAltText('Face captured by Main entrance at 2024-05-01 18:20:00')).toHaveAttribute('src', '/ws/record/snap-1.jpg');
    expect(screen.getByAltText('Library photo of James Smith')).toHaveAttribute('src', '/ws/img/7_BL-0007.jpg');

    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: /Details: Main entrance/ }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('Sunglasses')).toBeInTheDocument();
    expect(within(drawer).getAllByText('Moustache')).toHaveLength(2); // the label and the value
    expect(within(drawer).getByText('41 years')).toBeInTheDocument();
    expect(within(drawer).getByText(/history keeps the crop alone/)).toBeInTheDocument();
    expect(within(drawer).getByRole('link', { name: /Open this person in the library/ })).toHaveAttribute(
      'href',
      '/libraries/7?face=BL-0007',
    );
    expect(within(drawer).getByRole('link', { name: /Search this face/ })).toHaveAttribute('href', '/face-search?snap=record%2Fsnap-1.jpg');
  });

  it('a new page clears the selection (as a new filter does), and going back does not bring it back', async () => {
    const second = { ...alarm, snap_id: 'snap-2' };
    device({ '1036': () => page([alarm, second], 30) });
    render('/records?tab=alarms&range=yesterday');
    const u = userEvent.setup();
    const boxes = await screen.findAllByRole('checkbox', { name: 'Select this record' });
    await u.click(boxes[0]!);
    expect(await screen.findByText('1 selected (at most 50)')).toBeInTheDocument();
    await u.click(screen.getByRole('listitem', { name: '2' }));
    await waitFor(() => expect(screen.queryByText(/selected \(at most/)).toBeNull());
    await u.click(screen.getByRole('listitem', { name: '1' }));
    await screen.findAllByRole('checkbox', { name: 'Select this record' });
    expect(screen.queryByText(/selected \(at most/)).toBeNull();
  });

  it('names what is lost and wants the word typed before deleting everything', async () => {
    const dev = device({ '1045': () => ({ data: '' }) });
    render('/records');
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: /Delete all records/ }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('1200 face snapshots (1 of them an alarm)')).toBeInTheDocument();
    expect(within(dialog).getByText('300 body records')).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Delete all records' });
    expect(confirm).toBeDisabled();
    await u.type(within(dialog).getByLabelText('Type “DELETE” to confirm'), 'DELETE');
    await u.click(confirm);
    await waitFor(() => expect(dev.sent('1045')).toHaveLength(1));
  });

  it('says why the delete failed, in the dialog', async () => {
    device({ '1045': () => ({ code: -1 }) });
    render('/records');
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: /Delete all records/ }));
    const dialog = await screen.findByRole('dialog');
    await u.type(await within(dialog).findByLabelText('Type “DELETE” to confirm'), 'DELETE');
    await u.click(within(dialog).getByRole('button', { name: 'Delete all records' }));
    expect(await within(dialog).findByText('Unknown error')).toBeInTheDocument();
  });
});
