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

/** Fleet mode: the merged wall of several nodes at /alarm-wall, beside the fleet overview (docs/fleet-console.md). */
export function fleetAlarmWallRoutes(): RouteObject[] {
  return [
    {
      path: routes.alarmWall,
      handle: { titleKey: 'nav.fleetAlarmWall' },
      lazy: { Component: async () => (await import('./pages/fleet-alarm-wall-page')).FleetAlarmWallPage },
    },
  ];
}
