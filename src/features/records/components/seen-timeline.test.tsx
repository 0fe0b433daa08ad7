import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AlarmRecord } from '../../../api/protocol/records';
import { useLangStore } from '../../../i18n/lang-store';
import { timelineLayout } from '../model/seen-timeline';
import { SeenTimeline } from './seen-timeline';

const alarm = (snap: string, channel: number, trigger: string, similarity = 90) =>
  ({ snap_id: snap, channel, trigger, similarity, camera_name: `cam${channel}`, snap_path: `record/${snap}.jpg` }) as AlarmRecord;

describe('SeenTimeline', () => {
  it('draws a row per camera with its captures placed by time, each opening its alarm', async () => {
    useLangStore.getState().choose('en-US');
    const found = [
      alarm('a', 2, '2026-01-08 06:00:00', 91),
      alarm('b', 1, '2026-01-09 18:00:00', 88),
      alarm('c', 2, '2026-01-09 12:00:00'),
    ];
    const { rows, ticks } = timelineLayout(found, { start: '2026-01-08 00:00:00', stop: '2026-01-09 23:59:59' }, () => undefined);
    const onOpen = vi.fn();
    render(<SeenTimeline rows={rows} ticks={ticks} onOpen={onOpen} />);
    const list = screen.getByRole('list', { name: 'Cameras' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('aria-label'))).toEqual(['cam1: 1 alarm', 'cam2: 2 alarms']);
    const dot = screen.getByRole('button', { name: 'cam2, 2026-01-08 06:00:00, similarity 91%: open the alarm' });
    expect(parseFloat(dot.style.left)).toBeCloseTo(12.5, 2);
    await userEvent.click(dot);
    expect(onOpen).toHaveBeenCalledWith(found[0]);
  });
});
