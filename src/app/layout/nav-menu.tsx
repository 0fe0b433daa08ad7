import {
  AlertOutlined,
  DashboardOutlined,
  HistoryOutlined,
  ScanOutlined,
  SettingOutlined,
  TeamOutlined,
  VideoCameraOutlined,
} from '../../components/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n';
import { paths } from '../../config/paths';
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

export function NavMenu() {
  const t = useT();
  const { pathname } = useLocation();
  const current = sectionOf(pathname)?.path;
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={current ? [current] : []}
      items={SECTIONS.map((s) => ({
        key: s.path,
        icon: ICONS[s.path],
        // A real link: middle-click, copy address and screen readers work.
        label: <Link to={s.path}>{t(s.titleKey)}</Link>,
      }))}
    />
  );
}
