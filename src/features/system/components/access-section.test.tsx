// Issue 14 (18): the HTTPS dialog said "e.g. https://<the console's address>/"
// as if the console were the device. It names the device's address only where
// the console's server says it (GET /healthz), and the console's as the console's.
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAKE_SESSION, FAKE_USER, fakeDevice } from '../../../test/fake-device';
import { renderRoutes, resetState } from '../../../test/render';
import { useSessionStore } from '../../../session/session-store';
import { deviceUrlAfterSwitch } from '../api/console-server';
import { AccessSection } from './access-section';
import { RestartProvider } from './restart-context';

const httpsRoutes = {
  '1304': () => ({ data: { https_cert: 'node.crt', https_key: 'node.key' } }),
  '1306': () => ({ data: { https_stat: 'http' } }),
};

/** The device at the network level, and the console's server's /healthz (null: a server that does not say). */
function serve(health: unknown) {
  const device = fakeDevice(httpsRoutes);
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) === '/healthz') {
      return health === null ? new Response('<!doctype html>', { status: 200 }) : Response.json(health);
    }
    return device.fetch(input, init);
  });
}

async function openDialog(): Promise<HTMLElement> {
  renderRoutes(
    [
      {
        path: '/system',
        Component: () => (
          <App>
            <RestartProvider>
              <AccessSection />
            </RestartProvider>
          </App>
        ),
      },
    ],
    '/system',
  );
  await userEvent.setup().click(await screen.findByRole('button', { name: 'Switch to HTTPS' }));
  return screen.findByRole('dialog');
}

// The section renders slowly in jsdom on a busy machine (it missed the default 1 s beside other suites).
beforeAll(() => configure({ asyncUtilTimeout: 10_000 }));
beforeEach(() => {
  resetState('en-US');
  useSessionStore.getState().start(FAKE_SESSION, FAKE_USER);
});
afterEach(() => vi.unstubAllGlobals());

describe('the HTTPS switch names addresses truly', () => {
  it("names the device's new address from the console's server, and the console's own as the console's", async () => {
    serve({ ok: true, device: { url: 'http://192.168.1.20', reachable: true, ms: 3 } });
    const dialog = await openDialog();
    await waitFor(() => expect(within(dialog).getByText("The device's own address becomes https://192.168.1.20/.")).toBeInTheDocument());
    expect(
      within(dialog).getByText(`This console stays at ${location.host}: its server follows the device to the new address by itself.`),
    ).toBeInTheDocument();
    expect(dialog.textContent).not.toContain(`https://${location.host}`);
  });

  it("waits to be pressed until the device's new address is read: the line changes under the pointer when it comes", async () => {
    let answer: (r: Response) => void = () => undefined;
    const device = fakeDevice(httpsRoutes);
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input) === '/healthz' ? new Promise<Response>((r) => (answer = r)) : device.fetch(input, init),
    );
    const dialog = await openDialog();
    const go = within(dialog).getByRole('button', { name: 'Switch and restart' });
    expect(go).toBeDisabled();
    answer(Response.json({ ok: true, device: { url: 'http://192.168.1.20', reachable: true, ms: 3 } }));
    await waitFor(() => expect(within(dialog).getByText("The device's own address becomes https://192.168.1.20/.")).toBeInTheDocument());
    expect(go).toBeEnabled();
  });

  it('does not claim an address for the device where the server does not say it', async () => {
    serve(null);
    const dialog = await openDialog();
    await waitFor(() => expect(within(dialog).getByText(/^This console is at .+, not on the device/)).toBeInTheDocument());
    expect(within(dialog).getByText("The device's own address starts with https:// (without a port, 443).")).toBeInTheDocument();
    expect(dialog.textContent).not.toContain(`https://${location.host}`);
  });

  it('keeps a port written in the device URL and drops a default one', () => {
    expect(deviceUrlAfterSwitch('http://192.168.1.20', 'https')).toBe('https://192.168.1.20/');
    expect(deviceUrlAfterSwitch('http://127.0.0.1:8480', 'https')).toBe('https://127.0.0.1:8480/');
    expect(deviceUrlAfterSwitch('https://node.local/', 'http')).toBe('http://node.local/');
  });
});
