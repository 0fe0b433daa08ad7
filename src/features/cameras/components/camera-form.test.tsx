import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CameraRecord } from '../../../api/protocol/cameras';
import { fakeDevice, type Reply, type Route } from '../../../test/fake-device';
import { renderRoutes, resetState } from '../../../test/render';
import { CamerasPage } from '../pages/cameras-page';

const ONVIF: CameraRecord = {
  camera_name: 'Lobby',
  channel: 2,
  camera_mode: 'VIDEO',
  description: '',
  lib_ids: '1',
  position: 'Ground floor',
  status: 1,
  threshold: 78,
  protocol: 'onvif',
  decoder: 'onvif',
  ip: '192.168.1.102',
  port: 80,
  camera_user: 'admin',
  camera_pwd: 'secret-pwd',
  camera_roi: '',
  roi_max: 2073600,
  snap_mode: 3,
  facesize_min: 60,
  facesize_max: 1000,
};

function device(overrides: Record<string, Route> = {}) {
  return fakeDevice({
    '516': () => ({ data: { camera: [ONVIF], computing_power_capacity: 16, used_computing_power: 15 } }),
    '1028': () => ({
      data: [
        { lib_id: 1, lib_name: 'VIP', lib_type: 2, picture_no: 3, create_time: '2024-01-01 00:00:00', update_time: '2024-01-01 00:00:00' },
      ],
    }),
    '1310': () => ({ data: { server_sip_id: '34020000002000000001' } }),
    '1537': () => ({ data: [] }),
    ...overrides,
  });
}

function renderPage(entry: string) {
  return renderRoutes(
    [
      {
        path: '/cameras',
        Component: () => (
          <App>
            <CamerasPage />
          </App>
        ),
      },
    ],
    entry,
  );
}

/** Clear and paste: typing long values key by key is slow in jsdom. */
async function fill(u: ReturnType<typeof userEvent.setup>, el: HTMLElement, value: string) {
  await u.clear(el);
  await u.click(el);
  await u.paste(value);
}

const writes = (d: ReturnType<typeof fakeDevice>) => d.requests.filter((r) => ['513', '515', '1538'].includes(r.msgId));

// Two shared cores: antd renders slowly, so waits are long (this file only: vitest isolates files).
configure({ asyncUtilTimeout: 10_000 });

// The fake device answers these routes without looking at the session.
beforeEach(() => resetState('en-US'));
afterEach(() => vi.unstubAllGlobals());

describe('the add form', { timeout: 120_000 }, () => {
  it('catches threshold 101, face size 50, a 21-digit SIP id, port 70000 and a 65-character position before sending', async () => {
    const d = device();
    renderPage('/cameras?add=0');
    const u = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Camera settings' });
    await u.click(within(form).getByText('GB28181 video'));
    await fill(u, within(form).getByLabelText('Camera name'), 'Gate');
    await fill(u, within(form).getByLabelText('Position'), 'P'.repeat(65));
    // Prefilled from 1310.
    await waitFor(() => expect(within(form).getByLabelText('SIP server ID')).toHaveValue('34020000002000000001'));
    await u.clear(within(form).getByLabelText('SIP server ID'));
    await fill(u, within(form).getByLabelText('SIP server ID'), '1'.repeat(21));
    await fill(u, within(form).getByLabelText('Camera SIP ID'), '34020000001320000001');
    await fill(u, within(form).getByLabelText('SIP server IP'), '10.0.0.5');
    await fill(u, within(form).getByLabelText('SIP server port'), '70000');
    await fill(u, within(form).getByLabelText('Similarity threshold'), '101');
    await fill(u, within(form).getByLabelText('Smallest face (px)'), '50');
    await u.click(within(form).getByRole('button', { name: 'Add' }));

    expect(await within(form).findByText('The threshold is a whole number from 0 to 100.')).toBeInTheDocument();
    expect(within(form).getByText('A face size is a whole number from 60 to 1000.')).toBeInTheDocument();
    expect(within(form).getByText('A SIP ID is up to 20 digits.')).toBeInTheDocument();
    expect(within(form).getByText('A port is a whole number from 1 to 65535.')).toBeInTheDocument();
    expect(within(form).getByText('At most 64 characters.')).toBeInTheDocument();
    expect(writes(d)).toHaveLength(0);
  });

  it("warns that a video camera does not fit, says the device's -151 once by the kind, and drops it with another kind", async () => {
    const d = device({ '513': () => ({ code: -151 }) });
    renderPage('/cameras?add=0');
    const u = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Camera settings' });
    expect(within(form).getByText(/costs 2 and only 1 remain/)).toBeInTheDocument();
    await fill(u, within(form).getByLabelText('Camera name'), 'Extra');
    await fill(u, within(form).getByLabelText('RTSP URL'), 'rtsp://10.0.0.9/live');
    await u.click(within(form).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(d.sent('513')).toHaveLength(1));
    // Said once, by the kind (not again in an alert, nor beside the advance warning).
    expect(await within(form).findAllByText(/Insufficient computing power/)).toHaveLength(1);
    expect(within(form).getAllByText(/Error code -151/)).toHaveLength(1);
    expect(within(form).queryByText(/costs 2 and only 1 remain/)).not.toBeInTheDocument();
    // Another kind: the last kind's refusal goes; a capture camera fits in what remains.
    await u.click(within(form).getByText('Capture camera'));
    await waitFor(() => expect(within(form).queryByText(/Insufficient computing power/)).not.toBeInTheDocument());
    expect(within(form).queryByText(/add a capture camera/)).not.toBeInTheDocument();
  });

  it('waits for a slow device and never sends twice', async () => {
    let answer!: (r: Reply) => void;
    const d = device({ '513': () => new Promise<Reply>((resolve) => (answer = resolve)) });
    renderPage('/cameras?add=0');
    const u = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Camera settings' });
    await u.click(within(form).getByText('Capture camera'));
    await fill(u, within(form).getByLabelText('Camera name'), 'Slow one');
    await fill(u, within(form).getByLabelText('Camera IP'), '192.0.2.7');
    await fill(u, within(form).getByLabelText('Port'), '37777');
    await fill(u, within(form).getByLabelText('User name'), 'admin');
    await fill(u, within(form).getByLabelText('Password'), 'x');
    const add = within(form).getByRole('button', { name: /Add/ });
    await u.dblClick(add);
    await u.click(add);
    expect(await within(form).findByText('Waiting for the device…')).toBeInTheDocument();
    expect(d.sent('513')).toHaveLength(1);
    expect(d.sent('513')[0]!.body).toMatchObject({ camera_mode: 'IMAGE', ip: '192.0.2.7', port: 37777, vendor: 'dahua' });
    answer({ data: { channel: 1 } });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Camera settings' })).not.toBeInTheDocument());
  });
});

describe('the edit form', { timeout: 120_000 }, () => {
  it('never shows the password back and sends only what changed', async () => {
    const d = device({ '515': () => ({ data: { channel: 2 } }) });
    renderPage('/cameras?edit=2');
    const u = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Camera settings' });
    expect(within(form).getByLabelText('Password')).toHaveValue('');
    expect(document.body.innerHTML).not.toContain('secret-pwd');
    expect(within(form).getByTestId('camera-kind')).toHaveTextContent('ONVIF video');
    expect(within(form).queryByRole('radio', { name: /Capture camera/ })).not.toBeInTheDocument();
    await fill(u, within(form).getByLabelText('Similarity threshold'), '90');
    await u.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(d.sent('515')).toHaveLength(1));
    expect(d.sent('515')[0]!.body).toEqual({ msg_id: '515', channel: 2, threshold: 90 });
  });
});
