import { act, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { liveStore, useLiveAlarms, useLiveStatus, type LiveAlarm } from './live-store';
import { liveEvent } from './testing';

afterEach(() => liveStore.getState().clear());

function Wall() {
  // A selector that makes a new array each time: the hook must not loop on it.
  const faces = useLiveAlarms((alarms) => alarms.filter((a): a is Extract<LiveAlarm, { kind: 'face' }> => a.kind === 'face'));
  const status = useLiveStatus();
  return (
    <div>
      <p>status {status.state}</p>
      <ul aria-label="alarms">
        {faces.map((a) => (
          <li key={a.snapId}>{a.match?.person.name ?? 'unknown'}</li>
        ))}
      </ul>
    </div>
  );
}

it('components read alarms and status through the hooks, once per flush', () => {
  render(<Wall />);
  expect(screen.getByText('status stopped')).toBeInTheDocument();
  act(() => {
    liveStore.getState().enqueue(liveEvent(1));
    liveStore.getState().enqueue(liveEvent(2, { obj_label: 2, face_attr: undefined, body_attr: {} }));
    liveStore.getState().enqueue(liveEvent(3));
    liveStore.getState().flush();
    liveStore.getState().setStatus({ state: 'live', reason: null, since: 0, retryAt: null, attempt: 0 });
  });
  expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['person 3', 'person 1']);
  expect(screen.getByText('status live')).toBeInTheDocument();
});
