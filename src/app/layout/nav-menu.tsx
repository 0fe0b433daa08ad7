import {
  AlertOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  ControlOutlined,
  DashboardOutlined,
  HistoryOutlined,
  ScanOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
  VideoCameraOutlined,
} from '../../components/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n';
import { fleetHrefs, fleetPaths, hrefs, nodeHref, nodeOfPath, paths, withoutNode } from '../../config/paths';
import { useNodeStore } from '../../session/node-store';
import { SECTIONS, sectionOf } from '../sections';

const ICONS: Record<(typeof SECTIONS)[number]['path'], ReactNode> = {
  [paths.overview]: <DashboardOutlined />,
  [paths.libraries]: <TeamOutlined />,
  [paths.cameras]: <VideoCameraOutlined />,
  [paths.records]: <HistoryOutlined />,
  [paths.faceSearch]: <ScanOutlined />,
  [paths.alarmWall]: <AlertOutlined />,
  [paths.system]: <SettingOutlined />,
};

const FLEET = 'fleet';
const DISTRIBUTE = 'distribute';
const FLEET_WALL = 'fleet-wall';

export function NavMenu() {
  const t = useT();
  const { pathname } = useLocation();
  const fleet = useNodeStore((s) => s.fleet);
  // Fleet mode: the sections are the shown node's (the last one shown, on the fleet's own pages).
  const onFleetPage = fleet && nodeOfPath(pathname) === null;
  const fleetPage =
    pathname === paths.alarmWall
      ? FLEET_WALL
      : pathname.startsWith(paths.distribute)
        ? DISTRIBUTE
        : Object.values(fleetPaths).find((p) => pathname === p);
  const current = onFleetPage ? (fleetPage ?? FLEET) : sectionOf(withoutNode(pathname))?.path;
  const fleetItems = [
    { key: FLEET, icon: <ClusterOutlined />, label: <Link to={paths.overview}>{t('nav.fleet')}</Link> },
    // The merged wall: every node's alarms in one wall.
    { key: FLEET_WALL, icon: <AlertOutlined />, label: <Link to={hrefs.fleetAlarmWall()}>{t('nav.fleetAlarmWall')}</Link> },
    { key: fleetPaths.settings, icon: <ControlOutlined />, label: <Link to={fleetHrefs.settings()}>{t('nav.fleetSettings')}</Link> },
    { key: fleetPaths.upgrade, icon: <CloudUploadOutlined />, label: <Link to={fleetHrefs.upgrade()}>{t('nav.fleetUpgrade')}</Link> },
    { key: DISTRIBUTE, icon: <SwapOutlined />, label: <Link to={paths.distribute}>{t('nav.distribute')}</Link> },
  ];
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={current ? [current] : []}
      items={[
        ...(fleet ? fleetItems : []),
        ...SECTIONS.map((s) => ({
          key: s.path,
          icon: ICONS[s.path],
          // A real link: middle-click, copy address and screen readers work.
          label: <Link to={nodeHref(s.path)}>{t(s.titleKey)}</Link>,
        })),
      ]}
    />
  );
}
