// The add / edit drawer, opened from the URL (?add=<channel>, ?edit=<channel>)
// so a reload keeps it open. A dirty form asks before it closes; a form waiting
// for the device cannot be closed (its answer would be lost).
import { App, Drawer, Result } from 'antd';
import { useCallback, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { CameraRecord } from '../../../api/protocol/cameras';
import type { Library } from '../../../api/protocol/libraries';
import { useDeleteCamera } from '../api/camera-mutations';
import { emptyValues, valuesFromCamera, type CameraFormValues } from '../model/camera-form';
import { channelRows, type CameraKind } from '../model/camera-kind';
import { useCameraT } from '../messages';
import { CameraForm } from './camera-form';
import { useErrorLine } from './error-line';
import { PARAMS } from '../../../config/paths';

/** What survives "delete and add as another kind": the fields every kind shares. */
type Prefill = Pick<CameraFormValues, 'camera_name' | 'position' | 'description' | 'lib_ids' | 'threshold'> & { kind?: CameraKind };

function readPrefill(state: unknown): Prefill | null {
  if (typeof state !== 'object' || state === null || !('prefill' in state)) return null;
  return (state as { prefill: Prefill }).prefill;
}

export interface CameraDrawerProps {
  cameras: readonly CameraRecord[];
  capacity: number;
  used: number;
  libraries: readonly Library[] | undefined;
  serverSipId: string | undefined;
}

export function CameraDrawer({ cameras, capacity, used, libraries, serverSipId }: CameraDrawerProps) {
  const t = useCameraT();
  const { modal, message } = App.useApp();
  const errorLine = useErrorLine();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState(false);
  const remove = useDeleteCamera();

  const addParam = params.get(PARAMS.cameras.add);
  const editParam = params.get(PARAMS.cameras.edit);
  const editChannel = editParam !== null ? Number(editParam) : null;
  const addChannel = addParam !== null ? Number(addParam) || undefined : undefined;
  const mode: 'add' | 'edit' | null = editChannel !== null ? 'edit' : addParam !== null ? 'add' : null;
  const camera = editChannel !== null ? cameras.find((c) => c.channel === editChannel) : undefined;
  const freeChannels = channelRows(capacity, [...cameras])
    .filter((r) => !r.camera)
    .map((r) => r.channel);

  const close = useCallback(() => {
    setDirty(false);
    setParams(
      (p) => {
        p.delete(PARAMS.cameras.add);
        p.delete(PARAMS.cameras.edit);
        return p;
      },
      { replace: true },
    );
  }, [setParams]);

  function requestClose() {
    if (pending) return;
    if (!dirty) return close();
    modal.confirm({
      title: t('form.discard.title'),
      content: t('form.discard.body'),
      okText: t('form.discard.ok'),
      cancelText: t('form.discard.cancel'),
      okButtonProps: { danger: true },
      onOk: close,
    });
  }

  function changeKind(cam: CameraRecord, values: CameraFormValues) {
    modal.confirm({
      title: t('form.changeKind.title', { name: cam.camera_name }),
      content: t('form.changeKind.body'),
      okText: t('form.changeKind.ok'),
      cancelText: t('delete.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await remove.mutateAsync(cam.channel);
        } catch (error) {
          message.error(t('delete.failed', { title: errorLine(error) }));
          return;
        }
        const prefill: Prefill = {
          camera_name: values.camera_name,
          position: values.position,
          description: values.description,
          lib_ids: values.lib_ids,
          threshold: values.threshold,
          kind: values.kind === 'IMAGE' ? 'rtsp' : 'IMAGE',
        };
        setDirty(false);
        setParams(
          (p) => {
            p.delete(PARAMS.cameras.edit);
            p.set(PARAMS.cameras.add, String(cam.channel));
            return p;
          },
          { state: { prefill } },
        );
      },
    });
  }

  const prefill = mode === 'add' ? readPrefill(location.state) : null;
  const title = mode === 'edit' ? t('drawer.edit', { channel: editChannel ?? '' }) : t('drawer.add');

  return (
    <Drawer
      open={mode !== null}
      title={title}
      onClose={requestClose}
      size={560}
      destroyOnHidden
      closable={!pending}
      keyboard={!pending}
      mask={{ closable: !pending }}
    >
      {mode === 'add' && (
        <CameraForm
          key={`add-${addChannel ?? 0}-${location.key}`}
          mode="add"
          initial={{
            ...emptyValues(prefill?.kind ?? 'rtsp', { serverSipId, nodeHost: window.location.hostname }, addChannel),
            ...prefill,
            kind: prefill?.kind ?? 'rtsp',
          }}
          freeChannels={freeChannels}
          power={{ capacity, used }}
          libraries={libraries}
          serverSipId={serverSipId}
          onDone={close}
          onCancel={requestClose}
          onDirtyChange={setDirty}
          onPendingChange={setPending}
        />
      )}
      {mode === 'edit' && camera && (
        <EditForm
          key={`edit-${camera.channel}`}
          camera={camera}
          power={{ capacity, used }}
          libraries={libraries}
          serverSipId={serverSipId}
          onDone={close}
          onCancel={requestClose}
          onDirtyChange={setDirty}
          onPendingChange={setPending}
          onChangeKind={(values) => changeKind(camera, values)}
        />
      )}
      {mode === 'edit' && !camera && <Result status="warning" title={t('form.missing', { channel: editChannel ?? '' })} />}
    </Drawer>
  );
}

function EditForm(props: {
  camera: CameraRecord;
  power: { capacity: number; used: number };
  libraries: readonly Library[] | undefined;
  serverSipId: string | undefined;
  onDone: () => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
  onPendingChange: (pending: boolean) => void;
  onChangeKind: (values: CameraFormValues) => void;
}) {
  // The values the edit started from, held still while the list refreshes
  // every few seconds: the diff (what 515 sends) is against what the user saw.
  const [start] = useState(() => ({ camera: props.camera, values: valuesFromCamera(props.camera) }));
  return (
    <CameraForm
      mode="edit"
      initial={start.values}
      camera={start.camera}
      freeChannels={[]}
      power={props.power}
      libraries={props.libraries}
      serverSipId={props.serverSipId}
      onDone={props.onDone}
      onCancel={props.onCancel}
      onDirtyChange={props.onDirtyChange}
      onPendingChange={props.onPendingChange}
      onChangeKind={props.onChangeKind}
    />
  );
}
