// The authenticated shell: the first module that loads antd. Sider navigation,
// a header with what the device is (1281, 516), the language switch, logout.
import { LogoutOutlined, MenuOutlined, MoonOutlined, SunOutlined, UserOutlined } from '../../components/icons';
import { App, Button, Grid, Layout } from 'antd';
import { useEffect, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Brand } from '../../components/brand';
import { LanguageSwitch } from '../../components/language-switch';
import { useDocumentTitle } from '../../components/use-document-title';
import { ReauthDialog } from '../../features/login/components/reauth-dialog';
import { useLogout } from '../../session/session-api';
import { useSessionStore } from '../../session/session-store';
import { useT } from '../../i18n';
import { useRouteTitleKey } from '../route-handle';
import { SessionGuard } from '../session-guard';
import { syncDocumentTheme, useTheme, useThemeStore } from '../theme-store';
import { DeviceSummary } from './device-summary';
import { ErrorNotifier } from './error-notifier';
import { LiveStatusLight, useLiveConnection } from './live-connection';
import { NavMenu } from './nav-menu';
import { NodePicker, NodeQueries, useShownNode } from './node-scope';
import { useNodeStore } from '../../session/node-store';
import { AntdProvider } from './antd-provider';
import './app-layout.css';

export function AppLayout() {
  const theme = useTheme();
  useEffect(() => syncDocumentTheme(theme), [theme]);
  // Fleet mode: the node in the URL (none on the fleet's own pages) has its own cache, socket and re-login.
  const node = useShownNode();
  return (
    <SessionGuard>
      <NodeQueries node={node}>
        <AntdProvider theme={theme}>
          <App>
            <ErrorNotifier />
            <Shell node={node} />
            {node !== null && <ReauthDialog key={node} />}
          </App>
        </AntdProvider>
      </NodeQueries>
    </SessionGuard>
  );
}

function Shell({ node }: { node: string | null }) {
  const t = useT();
  // Collapses by itself below antd's lg (992 px): a tablet held upright keeps the icons only.
  const [collapsed, setCollapsed] = useState(false);
  // On a phone the navigation takes no width until the header's menu button opens it over the page.
  const phone = Grid.useBreakpoint().md === false;
  const { pathname } = useLocation();
  useEffect(() => {
    if (phone) setCollapsed(true);
  }, [phone, pathname]);
  const titleKey = useRouteTitleKey();
  useDocumentTitle(titleKey ? t(titleKey) : undefined);
  const fleet = useNodeStore((s) => s.fleet);
  // A node page before its node is signed in shows the node's sign-in, not its figures.
  const nodeIn = useSessionStore(
    (s) => node !== null && (!fleet || s.sessions[node]?.sessionId != null || s.sessions[node]?.expired === true),
  );
  useLiveConnection(nodeIn ? node : null);

  return (
    <Layout className="shell">
      <Layout.Sider
        className="shell__sider"
        collapsible
        collapsed={collapsed}
        onCollapse={(c) => setCollapsed(c)}
        breakpoint="lg"
        collapsedWidth={phone ? 0 : 80}
        trigger={phone ? null : undefined}
        width={216}
        theme="dark"
      >
        <div className="shell__brand">
          <Brand compact={collapsed} />
        </div>
        <nav aria-label={t('nav.label')}>
          <NavMenu />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="shell__header">
          {phone ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.toggle')}
              aria-expanded={!collapsed}
              onClick={() => setCollapsed((c) => !c)}
            />
          ) : null}
          {fleet && <NodePicker />}
          {nodeIn && <DeviceSummary />}
          <div className="shell__actions">
            {nodeIn && <LiveStatusLight />}
            <ThemeSwitch />
            <LanguageSwitch />
            <UserName />
            <LogoutButton />
          </div>
        </Layout.Header>
        <Layout.Content className="shell__content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function ThemeSwitch() {
  const t = useT();
  const theme = useTheme();
  const choose = useThemeStore((s) => s.choose);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <Button
      type="text"
      aria-label={t(next === 'dark' ? 'theme.toDark' : 'theme.toLight')}
      icon={theme === 'dark' ? <SunOutlined /> : <MoonOutlined />}
      onClick={() => choose(next)}
    />
  );
}

function UserName() {
  const user = useSessionStore((s) => s.user);
  if (!user) return null;
  return (
    <span className="shell__user">
      <UserOutlined aria-hidden />
      <span>{user}</span>
    </span>
  );
}

function LogoutButton() {
  const t = useT();
  const logout = useLogout();
  return (
    // Named by aria-label too: on a phone the words are hidden and the icon is decorative.
    <Button icon={<LogoutOutlined />} aria-label={t('header.logout')} loading={logout.isPending} onClick={() => logout.mutate()}>
      <span className="shell__logout-text">{t('header.logout')}</span>
    </Button>
  );
}
