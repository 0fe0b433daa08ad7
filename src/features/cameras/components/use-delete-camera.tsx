// "Delete camera X?" naming what is lost: its settings, the power it frees,
// its relay bindings (the device drops them with it).
import { App } from 'antd';
import type { CameraRecord, RelayBinding } from '../../../api/protocol/cameras';
import { useDeleteCamera } from '../api/camera-mutations';
import { costOf, kindOf } from '../model/camera-kind';
import { useCameraT } from '../messages';
import { useErrorLine } from './error-line';

export function useConfirmDeleteCamera(relays: readonly RelayBinding[] | undefined): (camera: CameraRecord) => void {
  const t = useCameraT();
  const { modal, message } = App.useApp();
  const errorLine = useErrorLine();
  const remove = useDeleteCamera();

  return (camera) => {
    const bound = (relays ?? []).filter((r) => r.camera_channel === camera.channel).length;
    const kind = kindOf(camera);
    modal.confirm({
      title: t('delete.title', { name: camera.camera_name, channel: camera.channel }),
      content: (
        <>
          <p>{t('delete.body', { cost: kind ? costOf(kind) : '' })}</p>
          {bound > 0 && <p>{t('delete.relays', { count: bound })}</p>}
          <p>{t('delete.keep')}</p>
        </>
      ),
      okText: t('delete.ok'),
      cancelText: t('delete.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await remove.mutateAsync(camera.channel);
          message.success(t('delete.done', { name: camera.camera_name }));
        } catch (error) {
          message.error(t('delete.failed', { title: errorLine(error) }));
        }
      },
    });
  };
}
