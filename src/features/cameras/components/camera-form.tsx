// One form for the four kinds (§4.2 a-d): the fields change with the kind.
// Every limit is checked before sending; the device's own refusal is shown
// next to the field it concerns. While the device is slow (§4.2 note 4: a
// wrong address) the form says so and cannot send twice.
import { Alert, App, Button, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSendOnce } from '../../../components/use-send-once';
import { DeviceError } from '../../../api/errors';
import type { CameraRecord } from '../../../api/protocol/cameras';
import type { Library } from '../../../api/protocol/libraries';
import { useAddCamera, useUpdateCamera } from '../api/camera-mutations';
import { checkRequired, isIpv4, SIP_PORT_DEFAULT, toAddRequest, toUpdateRequest, type CameraFormValues } from '../model/camera-form';
import { CAMERA_KINDS, costOf, type CameraKind } from '../model/camera-kind';
import { useCameraT } from '../messages';
import { ConnectionFields, RecognitionFields, useFieldRule } from './camera-form-fields';
import { useErrorLine } from './error-line';
import { ErrorCode } from '../../../api/protocol/error-codes';
import { LABEL_MAX, NOTE_MAX } from '../../../api/protocol/limits';

/** Which field a device refusal concerns (Appendix A). */
const FIELD_OF_CODE: Record<number, keyof CameraFormValues> = {
  [ErrorCode.CHANNEL_TAKEN]: 'channel',
  [ErrorCode.NO_POWER]: 'kind',
  [ErrorCode.LIBRARY_MISSING]: 'lib_ids',
  [ErrorCode.IMAGE_SNAP_MODE]: 'snap_mode',
};

/** After this long a pending answer is "slow": the form says why it waits. */
const SLOW_AFTER_MS = 800;

export interface CameraFormProps {
  mode: 'add' | 'edit';
  initial: CameraFormValues;
  /** Edit: the camera as listed (its channel, its stored URL for the masked password). */
  camera?: CameraRecord;
  freeChannels: readonly number[];
  power: { capacity: number; used: number };
  libraries: readonly Library[] | undefined;
  serverSipId: string | undefined;
  onDone: () => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
  onPendingChange: (pending: boolean) => void;
  /** Edit: delete this camera and add another kind on its channel. */
  onChangeKind?: (values: CameraFormValues) => void;
}

export function CameraForm(props: CameraFormProps) {
  const {
    mode,
    initial,
    camera,
    freeChannels,
    power,
    libraries,
    serverSipId,
    onDone,
    onCancel,
    onDirtyChange,
    onPendingChange,
    onChangeKind,
  } = props;
  const t = useCameraT();
  const errorLine = useErrorLine();
  const { message } = App.useApp();
  const [form] = Form.useForm<CameraFormValues>();
  const add = useAddCamera();
  const update = useUpdateCamera();
  const mutation = mode === 'add' ? add : update;
  // Two clicks in one frame, or an Enter as the drawer closes after a save, add once.
  const once = useSendOnce();
  const slow = useSlow(mutation.isPending);
  const kind = (Form.useWatch('kind', form) ?? initial.kind) as CameraKind;
  const [nothingToSave, setNothingToSave] = useState(false);

  useEffect(() => onPendingChange(mutation.isPending), [mutation.isPending, onPendingChange]);

  // 1310 may answer after the form opened: fill the SIP server id if still empty.
  useEffect(() => {
    if (mode === 'add' && serverSipId && kind === 'GB28181' && !form.getFieldValue('server_sip_id')) {
      form.setFieldValue('server_sip_id', serverSipId);
    }
  }, [mode, serverSipId, kind, form]);

  const { rule } = useFieldRule();

  function onValuesChange(changed: Partial<CameraFormValues>) {
    setNothingToSave(false);
    if (mode === 'add' && changed.kind) {
      // A refusal for the last kind (-151) says nothing of this one.
      form.setFields([{ name: 'kind', errors: [] }]);
      add.reset();
      // GB28181's ip / port are the SIP server's: prefill the usual ones.
      if (changed.kind === 'GB28181') {
        if (!form.getFieldValue('port')) form.setFieldValue('port', SIP_PORT_DEFAULT);
        if (!form.getFieldValue('server_sip_id') && serverSipId) form.setFieldValue('server_sip_id', serverSipId);
        if (!form.getFieldValue('ip') && isIpv4(location.hostname)) form.setFieldValue('ip', location.hostname);
      } else if (form.getFieldValue('port') === SIP_PORT_DEFAULT) {
        form.setFieldValue('port', null);
      }
    }
    onDirtyChange(form.isFieldsTouched());
  }

  function showRefusal(error: unknown) {
    once.refused();
    const field = error instanceof DeviceError ? FIELD_OF_CODE[error.code] : undefined;
    if (field) form.setFields([{ name: field, errors: [errorLine(error)] }]);
  }

  function onFinish(values: CameraFormValues) {
    const all = { ...initial, ...values };
    if (mode === 'add') {
      if (!once.take()) return;
      add.mutate(toAddRequest(all), {
        onSuccess: (answer) => {
          message.success(t('form.added', { name: all.camera_name.trim(), channel: answer.channel }));
          onDirtyChange(false);
          onDone();
        },
        onError: showRefusal,
      });
      return;
    }
    if (!camera) return;
    const req = toUpdateRequest(camera.channel, initial, all, camera);
    if (!req) {
      setNothingToSave(true);
      return;
    }
    if (!once.take()) return;
    update.mutate(req, {
      onSuccess: () => {
        message.success(t('form.saved', { name: all.camera_name.trim() }));
        onDirtyChange(false);
        onDone();
      },
      onError: showRefusal,
    });
  }

  const free = Math.max(0, power.capacity - power.used);
  const cost = costOf(kind);
  const pending = mutation.isPending;
  // A refusal that concerns one field is said at that field, once: not again in an alert below.
  const refusalField = mutation.error instanceof DeviceError ? FIELD_OF_CODE[mutation.error.code] : undefined;
  return (
    <Form<CameraFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onValuesChange={onValuesChange}
      onFinish={onFinish}
      disabled={pending}
      aria-label={t('form.label')}
      requiredMark
      scrollToFirstError
    >
      {mode === 'add' ? (
        <Form.Item name="kind" label={t('form.kind')} required>
          <Radio.Group aria-label={t('form.kind')} className="cameras__kinds">
            {CAMERA_KINDS.map((k) => (
              <Radio.Button key={k} value={k}>
                {t(`kind.${k}`)} <span className="cameras__kind-cost">· {t('form.kindCost', { cost: costOf(k) })}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      ) : (
        <Form.Item label={t('form.kind')} help={t('form.kindLocked')}>
          <Flex gap={12} align="center" wrap>
            <Typography.Text strong data-testid="camera-kind">
              {t(`kind.${kind}`)}
            </Typography.Text>
            {onChangeKind && (
              <Button size="small" onClick={() => onChangeKind({ ...initial, ...form.getFieldsValue() })}>
                {t('form.changeKind')}
              </Button>
            )}
          </Flex>
        </Form.Item>
      )}
      {/* The kind's hidden field on edit keeps Form.useWatch('kind') defined. */}
      {mode === 'edit' && (
        <Form.Item name="kind" hidden>
          <Input />
        </Form.Item>
      )}

      {mode === 'add' && cost > free && refusalField !== 'kind' && (
        <Alert
          className="cameras__form-alert"
          type="warning"
          showIcon
          // A capture camera is already the cheapest kind: advising one would be no advice.
          title={t(cost > costOf('IMAGE') ? 'form.powerWarning' : 'form.powerWarningCheapest', { cost, free })}
        />
      )}

      {mode === 'add' && (
        <Form.Item name="channel" label={t('form.channel')} extra={t('form.channelHelp')}>
          <Select
            allowClear
            placeholder={t('form.channelAuto')}
            options={freeChannels.map((c) => ({ value: c, label: t('channel.label', { channel: c }) }))}
          />
        </Form.Item>
      )}

      {/* The emulator's limits for text the reference leaves open (protocol/limits.ts), checked before sending. */}
      <Form.Item
        name="camera_name"
        label={t('form.name')}
        required
        rules={[rule(checkRequired), { max: LABEL_MAX, message: t('form.tooLong', { max: LABEL_MAX }) }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="position" label={t('form.position')} rules={[{ max: LABEL_MAX, message: t('form.tooLong', { max: LABEL_MAX }) }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('form.description')}
        rules={[{ max: NOTE_MAX, message: t('form.tooLong', { max: NOTE_MAX }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>

      <ConnectionFields mode={mode} kind={kind} camera={camera} serverSipId={serverSipId} />
      <RecognitionFields mode={mode} kind={kind} camera={camera} libraries={libraries} />

      {slow && (
        <Alert
          className="cameras__form-alert"
          type="info"
          showIcon
          role="status"
          title={t('form.waiting')}
          description={t('form.waitingHint')}
        />
      )}
      {mutation.error && !pending && !refusalField && <RefusalAlert error={mutation.error} title={t('form.failed')} />}
      {nothingToSave && <Alert className="cameras__form-alert" type="info" showIcon role="status" title={t('form.noChange')} />}

      <Flex gap={8} justify="flex-end" className="cameras__form-actions">
        {/* Not disabled by the form while sending: the user may still close the drawer. */}
        <Button onClick={onCancel} disabled={pending}>
          {t('form.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={pending} aria-busy={pending}>
          {mode === 'add' ? t('form.submitAdd') : t('form.submitEdit')}
        </Button>
      </Flex>
    </Form>
  );
}

function RefusalAlert({ error, title }: { error: unknown; title: string }) {
  const errorLine = useErrorLine();
  return <Alert className="cameras__form-alert" type="error" showIcon role="alert" title={title} description={errorLine(error)} />;
}

/** True once `pending` has lasted SLOW_AFTER_MS. */
function useSlow(pending: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!pending) {
      setSlow(false);
      return;
    }
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [pending]);
  return slow;
}
