import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { systemQueries } from '../api/system-queries';
import { advanceWallClock, inFormat } from '../../../api/settings/time';

/**
 * The device's clock, read once (1283) and ticking on from the moment of the
 * answer, shown in the device's own format. Derived on each render, never stored.
 */
export function useDeviceClock(): { text: string; wire: string; zone: string; format: string } | null {
  const time = useQuery(systemQueries.time());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  if (!time.data) return null;
  const wire = advanceWallClock(time.data.sys_time, now - time.dataUpdatedAt);
  return { text: inFormat(wire, time.data.time_format), wire, zone: time.data.time_zone, format: time.data.time_format };
}

export function DeviceClock() {
  const clock = useDeviceClock();
  if (!clock) return <span>—</span>;
  return (
    <span>
      <time dateTime={clock.wire.replace(' ', 'T')} data-testid="device-time">
        {clock.text}
      </time>{' '}
      <span className="system-muted">{clock.zone}</span>
    </span>
  );
}
