// Alarm wall: one lazy page. The open alarm, the filters and kiosk mode are in
// its URL (?alarm=, ?ch=…, ?kiosk=1), so no nested routes.
import type { RouteObject } from 'react-router';
import { routes } from '../../config/paths';

export function alarmWallRoutes(): RouteObject[] {
  return [
    {
      path: routes.alarmWall,
      handle: { titleKey: 'nav.alarmWall' },
      lazy: { Component: async () => (await import('./pages/alarm-wall-page')).AlarmWallPage },
    },
  ];
}
