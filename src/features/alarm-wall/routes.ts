// Alarm wall: one lazy page. The open alarm, the filters and kiosk mode are in
// its URL (?alarm=, ?cam=…, ?kiosk=1), so no nested routes.
import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';

export function alarmWallRoutes(): RouteObject[] {
  return [
    {
      path: paths.alarmWall,
      handle: { titleKey: 'nav.alarmWall' },
      lazy: { Component: async () => (await import('./pages/alarm-wall-page')).AlarmWallPage },
    },
  ];
}
