// /cameras/:channel/roi — the ROI and face-size editor of one camera.
import { ArrowLeftOutlined } from '../../../components/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Result, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { ErrorAlert } from '../../../components/error-alert';
import { RoiEditor } from '../components/roi-editor';
import { RouterLinkButton } from '../components/router-link-button';
import { isVideo, kindOf } from '../model/camera-kind';
import { useCameraT } from '../messages';
import '../cameras.css';
import { hrefs } from '../../../config/paths';
import { cameraQueries } from '../../../api/queries/cameras';

export function RoiPage() {
  const t = useCameraT();
  const channel = Number(useParams().channel);
  const list = useQuery(cameraQueries.list());
  const camera = list.data?.camera.find((c) => c.channel === channel);
  const back = (
    <RouterLinkButton type="link" to={hrefs.cameras()} icon={<ArrowLeftOutlined />}>
      {t('roi.back')}
    </RouterLinkButton>
  );

  if (list.isPending) {
    return (
      <>
        <PageTitle extra={back}>{t('action.roi')}</PageTitle>
        <Skeleton active aria-label={t('roi.loading')} />
      </>
    );
  }
  if (!list.data) {
    return (
      <>
        <PageTitle extra={back}>{t('action.roi')}</PageTitle>
        <ErrorAlert
          error={list.error}
          title={t('list.failed')}
          action={<Button onClick={() => list.refetch()}>{t('list.retry')}</Button>}
        />
      </>
    );
  }
  if (!camera) {
    return (
      <>
        <PageTitle extra={back}>{t('action.roi')}</PageTitle>
        <Result
          status="warning"
          title={t('roi.noCamera', { channel: Number.isFinite(channel) ? channel : '?' })}
          subTitle={t('roi.noCameraHint')}
        />
      </>
    );
  }
  const kind = kindOf(camera);
  return (
    <>
      <PageTitle extra={back}>{t('roi.title', { name: camera.camera_name })}</PageTitle>
      {isVideo(kind) ? (
        // A new editor per channel: its draft belongs to one camera.
        <RoiEditor key={camera.channel} camera={camera} />
      ) : (
        <Result status="info" title={t('roi.image')} subTitle={t('roi.imageHint')} />
      )}
    </>
  );
}
