// The page against a fake device at the network level (the real client runs).
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAKE_SESSION, FAKE_USER, fakeDevice, type Reply, type Route } from '../../../test/fake-device';
import { renderRoutes, resetState } from '../../../test/render';
import { useSessionStore } from '../../../session/session-store';
import { NetworkSection } from './network-section';
import { RestartProvider, useRestart } from './restart-context';
import type { ProbeResult, RestartReason } from '../utils/restart-machine';
import { MaintenanceSection } from './maintenance-section';

const NETWORK = {
  default_info: { dns_method: 'static', ethname: 'eth0', first_dns: '10.5.4.207', second_dns: '10.5.4.205' },
  ethernet: [
    {
      ethname: 'eth0',
      gateway: '10.5.2.1',
      hw_addr: '00:04:4b:a5:4d:b5',
      ip: '10.5.2.56',
      ip_method: 'static',
      ip_version: 'IPv4',
      netmask: '255.0.0.0',
    },
    {
      ethname: 'eth3',
      gateway: '',
      hw_addr: '00:07:32:4e:68:46',
      ip: '192.168.4.10',
      ip_method: 'static',
      ip_version: 'IPv4',
      netmask: '255.255.255.0',
    },
  ],
};

const systemRoutes = (): Record<string, Route> => ({
  '1297': () => ({ data: NETWORK }),
  '1306': () => ({ data: { https_stat: 'http' } }),
  '1296': () => ({ data: '' }),
});

function renderSection(Section: () => React.JSX.Element, pollMs?: number) {
  return renderRoutes(
    [
      {
        path: '/system',
        Component: () => (
          <App>
            <RestartProvider pollMs={pollMs}>
              <Section />
            </RestartProvider>
          </App>
        ),
      },
    ],
    '/system',
  );
}

/**
 * A dialog by its title's text. Not by its name: under test, rc-util's useId
 * answers the same "test-id" for every modal, so two open at once share a label.
 */
async function dialogWith(title: string): Promise<HTMLElement> {
  let found: HTMLElement | undefined;
  await waitFor(() => {
    found = screen.getAllByRole('dialog').find((d) => d.querySelector('.ant-modal-title')?.textContent?.includes(title));
    expect(found).toBeDefined();
  });
  return found!;
}

/** Paste, not type: antd's form re-validates on every key, and typing is slow on a small machine. */
async function fill(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.click(input);
  await user.paste(text);
}

beforeEach(() => {
  resetState('en-US');
  useSessionStore.getState().start(FAKE_SESSION, FAKE_USER);
});
afterEach(() => vi.unstubAllGlobals());

describe('network editing', () => {
  it('refuses a gateway outside the subnet before sending, then sends a good one after a confirmation', { timeout: 120_000 }, async () => {
    const device = fakeDevice(systemRoutes());
    renderSection(NetworkSection);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit eth3' }));
    const dialog = await dialogWith('Edit interface eth3');
    // Through the test's host (localhost) the console cannot tell which interface it uses.
    expect(within(dialog).getByText('This console may reach the device through eth3')).toBeInTheDocument();

    const gateway = within(dialog).getByLabelText('Gateway');
    await fill(user, gateway, '192.168.5.1');
    await user.click(within(dialog).getByRole('button', { name: 'Check and save' }));
    expect(await within(dialog).findByText("The gateway is outside this interface's subnet 192.168.4.0/24.")).toBeInTheDocument();
    expect(device.sent('1296')).toHaveLength(0);

    // (The other -3606 reasons are the validators' tests, in utils/network-rules.test.ts.)
    const ip = within(dialog).getByLabelText('IP address');
    await user.clear(ip);
    await fill(user, ip, '192.168.4.20');
    await user.clear(gateway);
    await fill(user, gateway, '192.168.4.1');
    await user.click(within(dialog).getByRole('button', { name: 'Check and save' }));
    const confirm = await dialogWith('Change interface eth3?');
    expect(confirm).toHaveTextContent('Open the device at http://192.168.4.20/ afterwards.');
    await user.click(within(confirm).getByRole('button', { name: 'Change eth3' }));
    await waitFor(() => expect(device.sent('1296')).toHaveLength(1));
    expect(device.sent('1296')[0]!.body).toMatchObject({
      ethname: 'eth3',
      ip: '192.168.4.20',
      netmask: '255.255.255.0',
      gateway: '192.168.4.1',
      ip_method: 'static',
      ip_version: 'IPv4',
    });
  });
});

describe('reboot', () => {
  it('confirms naming the device, then follows it down and back to the login', async () => {
    let phase: 'up' | 'down' | 'back' = 'up';
    const version: Route = ({ session }) => {
      if (phase === 'down') return { network: true };
      if (phase === 'back') return { code: -141 };
      return session === FAKE_SESSION
        ? { data: { device_id: 'gate-3', serial_id: 'SN1', version: 'V2.1.0', web_version: 'W2.1.0' } }
        : { code: -141 };
    };
    const device = fakeDevice({
      '1281': version,
      '1294': (): Reply => {
        phase = 'down';
        setTimeout(() => (phase = 'back'), 150);
        return { data: '' };
      },
    });
    renderSection(MaintenanceSection, 30);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Reboot device/ }));
    const confirm = await dialogWith('Reboot gate-3?');
    expect(confirm).toHaveTextContent('Every session ends');
    await user.click(within(confirm).getByRole('button', { name: /Reboot now/ }));

    expect(await dialogWith('Rebooting gate-3')).toBeInTheDocument();
    expect(device.sent('1294')).toHaveLength(1);
    await waitFor(() => expect(useSessionStore.getState()).toMatchObject({ expired: true, restarted: true }), { timeout: 5000 });
    // The probe never ended the session by itself: the overlay did, once the device was back.
    expect(device.sent('1281').some((r) => r.session === FAKE_SESSION)).toBe(true);
  });

  it('leaves alone a session the user started while the overlay was still waiting for the device', async () => {
    // A poll met -141 first, the dialog asked, the user signed in; only then did the overlay's probe see the device back.
    let probeSays: ProbeResult = 'unreachable';
    fakeDevice({ '1281': () => ({ data: { device_id: 'gate-3', serial_id: 'SN1', version: 'V2.1.0', web_version: 'W2.1.0' } }) });
    let begin: ((r: RestartReason) => void) | null = null;
    function Starter() {
      begin = useRestart().begin;
      return null;
    }
    renderRoutes(
      [
        {
          path: '/system',
          Component: () => (
            <App>
              <RestartProvider pollMs={20} makeProbe={() => () => Promise.resolve(probeSays)}>
                <Starter />
              </RestartProvider>
            </App>
          ),
        },
      ],
      '/system',
    );
    await waitFor(() => expect(begin).not.toBeNull());
    act(() => begin?.('reboot'));
    expect(await dialogWith('Rebooting gate-3')).toBeInTheDocument();
    act(() => useSessionStore.getState().expire());
    act(() => useSessionStore.getState().start('fresh-session', FAKE_USER));
    probeSays = 'new-session';
    await waitFor(() => expect(screen.queryByText('Rebooting gate-3')).toBeNull(), { timeout: 5000 });
    expect(useSessionStore.getState()).toMatchObject({ sessionId: 'fresh-session', expired: false });
  });
});
