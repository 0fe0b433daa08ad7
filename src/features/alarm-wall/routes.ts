// Alarm wall: the feature's routes, each page lazy. Placeholder until the page is built.
import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';

const comingSoon = async () => (await import('../../app/routes/coming-soon')).ComingSoon;

export function alarmWallRoutes(): RouteObject[] {
  return [{ path: paths.alarmWall, handle: { titleKey: 'nav.alarmWall' }, lazy: { Component: comingSoon } }];
}
