// The node's settings in tabs; the tab lives in the URL (?tab=network) so a
// reload or a shared link opens the same one.
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { AccessSection } from '../components/access-section';
import { DirtyGuard } from '../components/dirty-guard';
import { MaintenanceSection } from '../components/maintenance-section';
import { NetworkSection } from '../components/network-section';
import { OverviewSection } from '../components/overview-section';
import { PushSection } from '../components/push-section';
import { RestartProvider } from '../components/restart-context';
import { StorageSection } from '../components/storage-section';
import { TimeSection } from '../components/time-section';
import { useT } from '../../../i18n';
import { useSystemT } from '../messages';
import { SYSTEM_TABS, systemTabOf, type SystemTab } from '../system-tabs';
import '../system.css';

const CONTENT: Record<SystemTab, () => React.JSX.Element> = {
  overview: OverviewSection,
  time: TimeSection,
  network: NetworkSection,
  storage: StorageSection,
  push: PushSection,
  access: AccessSection,
  maintenance: MaintenanceSection,
};

export function SystemPage() {
  const t = useSystemT();
  const tApp = useT();
  const [params, setParams] = useSearchParams();
  const tab = systemTabOf(params.get('tab'));

  return (
    <DirtyGuard>
      <PageTitle>{tApp('nav.system')}</PageTitle>
      <>
        <RestartProvider>
          <Tabs
            activeKey={tab}
            onChange={(key) =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  if (key === 'overview') next.delete('tab');
                  else next.set('tab', key);
                  return next;
                },
                { replace: true },
              )
            }
            items={SYSTEM_TABS.map((key) => {
              const Content = CONTENT[key];
              return { key, label: t(`tab.${key}`), children: <Content /> };
            })}
          />
        </RestartProvider>
      </>
    </DirtyGuard>
  );
}
