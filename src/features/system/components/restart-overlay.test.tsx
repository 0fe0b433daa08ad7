import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetState } from '../../../test/render';
import type { Probe } from '../../../api/settings/restart-probe';
import { RESTART_LIMIT_MS, type ProbeResult } from '../../../api/settings/restart-machine';
import { RestartOverlay } from './restart-overlay';

/** A device that answers the polls in this order, then repeats the last answer. */
function scripted(...answers: ProbeResult[]): Probe & { calls: number } {
  const probe = Object.assign(
    async () => {
      const answer = answers[Math.min(probe.calls, answers.length - 1)]!;
      probe.calls++;
      return answer;
    },
    { calls: 0 },
  );
  return probe;
}

beforeEach(() => resetState('en-US'));

describe('restart overlay', () => {
  it('follows the device down and back, then hands over to the login', async () => {
    const onBack = vi.fn();
    const probe = scripted('same-session', 'unreachable', 'unreachable', 'new-session');
    render(
      <RestartOverlay
        reason="reboot"
        deviceName="gate-3"
        probe={probe}
        onBack={onBack}
        onAbandon={() => {}}
        pollMs={30}
        backDelayMs={50}
      />,
    );

    expect(screen.getByRole('dialog', { name: 'Rebooting gate-3' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Waiting for it to go down');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('The device is restarting'));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('The device is back'));
    await waitFor(() => expect(onBack).toHaveBeenCalledTimes(1));
    const calls = probe.calls;
    // Back is the end: no more polls.
    await new Promise((r) => setTimeout(r, 120));
    expect(probe.calls).toBe(calls);
  });

  it('says what to check when the device does not come back, and can keep waiting', async () => {
    const onBack = vi.fn();
    const limits = { ...RESTART_LIMIT_MS, reboot: 1000 };
    render(
      <RestartOverlay
        reason="reboot"
        deviceName="gate-3"
        probe={scripted('unreachable')}
        onBack={onBack}
        onAbandon={() => {}}
        pollMs={30}
        limits={limits}
      />,
    );
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert).toHaveTextContent('gate-3 did not come back in 1 min');
    expect(alert).toHaveTextContent('check its power');
    expect(alert).toHaveTextContent(`its address is still ${location.host}`);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Keep waiting' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('The device is restarting');

    expect(onBack).not.toHaveBeenCalled();
  });

  it('lets the user go back to the page when the device never went down', async () => {
    const onAbandon = vi.fn();
    const limits = { ...RESTART_LIMIT_MS, reset: 1000 };
    render(
      <RestartOverlay
        reason="reset"
        deviceName="gate-3"
        probe={scripted('same-session')}
        onBack={() => {}}
        onAbandon={onAbandon}
        pollMs={30}
        limits={limits}
      />,
    );
    expect(await screen.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent('still answers as before');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Back to the page' }));
    expect(onAbandon).toHaveBeenCalled();
  });

  it('offers the new address after a switch of scheme', () => {
    render(<RestartOverlay reason="https" deviceName="gate-3" probe={scripted('unreachable')} onBack={() => {}} onAbandon={() => {}} />);
    expect(screen.getByRole('dialog', { name: 'gate-3 is switching to HTTPS' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: `https://${location.host}/` })).toHaveAttribute('href', `https://${location.host}/`);
  });
});
