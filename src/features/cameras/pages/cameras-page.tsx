// The installer's page: every channel with its camera, the computing power,
// add / edit / delete, and the relay bindings (a tab, kept in the URL).
import { PlusOutlined } from '../../../components/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { relayQueries, sipQueries, STATUS_REFRESH_MS } from '../api/camera-queries';
import { CameraDrawer } from '../components/camera-drawer';
import { CameraTable } from '../components/camera-table';
import { ErrorAlert } from '../../../components/error-alert';
import { PowerGauge } from '../components/power-gauge';
import { RelayPanel } from '../components/relay-panel';
import { useConfirmDeleteCamera } from '../components/use-delete-camera';
import { channelRows } from '../model/camera-kind';
import { useCameraT } from '../messages';
import '../cameras.css';
import { PARAMS, type CamerasTab } from '../../../config/paths';
import { cameraQueries } from '../../../api/queries/cameras';
import { libraryQueries } from '../../../api/queries/libraries';

export function CamerasPage() {
  const t = useCameraT();
  const [params, setParams] = useSearchParams();
  const tab: CamerasTab = params.get(PARAMS.cameras.tab) === 'relays' ? 'relays' : 'cameras';
  const list = useQuery({ ...cameraQueries.list(), refetchInterval: STATUS_REFRESH_MS });
  const libraries = useQuery(libraryQueries.list());
  const sip = useQuery(sipQueries.serverId());
  const relays = useQuery(relayQueries.list());
  const confirmDelete = useConfirmDeleteCamera(relays.data);

  const cameras = list.data?.camera ?? [];
  const capacity = list.data?.computing_power_capacity ?? 0;
  const used = list.data?.used_computing_power ?? 0;
  const rows = list.data ? channelRows(capacity, cameras) : [];

  const setParam = (key: string, value: string | null) =>
    setParams((p) => {
      if (value === null) p.delete(key);
      else p.set(key, value);
      return p;
    });

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setParam(PARAMS.cameras.add, '0')} disabled={!list.data}>
            {t('action.add')}
          </Button>
        }
      >
        {t('page.title')}
      </PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam(PARAMS.cameras.tab, k === 'relays' ? 'relays' : null)}
        aria-label={t('tabs.label')}
        items={[
          {
            key: 'cameras',
            label: t('tab.cameras'),
            children: (
              <Flex vertical gap={16}>
                {list.error && !list.data ? (
                  <ErrorAlert
                    error={list.error}
                    title={t('list.failed')}
                    action={<Button onClick={() => list.refetch()}>{t('list.retry')}</Button>}
                  />
                ) : null}
                {list.data && <PowerGauge capacity={capacity} used={used} />}
                <CameraTable
                  rows={rows}
                  libraries={libraries.data}
                  loading={list.isPending}
                  onAdd={(channel) => setParam(PARAMS.cameras.add, String(channel))}
                  onEdit={(cam) => setParam(PARAMS.cameras.edit, String(cam.channel))}
                  onDelete={confirmDelete}
                />
                <Typography.Text type="secondary" className="cameras__small">
                  {t('refreshing', { seconds: STATUS_REFRESH_MS / 1000 })}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'relays',
            label: t('tab.relays'),
            children: <RelayPanel relays={relays.data} cameras={cameras} loading={relays.isPending} error={relays.error} />,
          },
        ]}
      />
      {list.data && (
        <CameraDrawer cameras={cameras} capacity={capacity} used={used} libraries={libraries.data} serverSipId={sip.data?.server_sip_id} />
      )}
    </>
  );
}
