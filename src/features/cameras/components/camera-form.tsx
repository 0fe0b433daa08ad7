// One form for the four kinds (§4.2 a-d): the fields change with the kind.
// Every limit is checked before sending; the device's own refusal is shown
// next to the field it concerns. While the device is slow (§4.2 note 4: a
// wrong address) the form says so and cannot send twice.
import { Alert, App, Button, Flex, Form, Input, InputNumber, Radio, Select, Slider, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useState } from 'react';
import { useSendOnce } from '../../../components/use-send-once';
import { DeviceError } from '../../../api/errors';
import type { CameraRecord } from '../../../api/protocol/cameras';
import { VENDORS } from '../../../api/protocol/cameras';
import type { Library } from '../../../api/protocol/libraries';
import { FACESIZE_MAX, FACESIZE_MIN, THRESHOLD_MAX, THRESHOLD_MIN } from '../../../api/protocol/limits';
import { useAddCamera, useUpdateCamera } from '../api/camera-mutations';
import {
  checkFaceOrder,
  checkFaceSize,
  checkHost,
  checkPort,
  checkRequired,
  checkRtspUrl,
  checkSipId,
  checkThreshold,
  isIpv4,
  SIP_PORT_DEFAULT,
  toAddRequest,
  toUpdateRequest,
  URL_PASSWORD_MASK,
  type CameraFormValues,
  type Problem,
} from '../model/camera-form';
import { CAMERA_KINDS, costOf, isVideo, type CameraKind } from '../model/camera-kind';
import { LIMIT_VARS, useCameraT } from '../messages';
import { useErrorLine } from './error-line';
import { RouterLinkButton } from './router-link-button';
import { hrefs } from '../../../config/paths';

/** Which field a device refusal concerns (Appendix A). */
const FIELD_OF_CODE: Record<number, keyof CameraFormValues> = {
  [-115]: 'channel',
  [-151]: 'kind',
  [-117]: 'lib_ids',
  [-3620]: 'snap_mode',
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
  const { mode, initial, camera, freeChannels, power, libraries, serverSipId, onDone, onCancel, onDirtyChange, onPendingChange, onChangeKind } = props;
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

  const problem = (p: Problem | null): Promise<void> => (p ? Promise.reject(new Error(t(p, LIMIT_VARS))) : Promise.resolve());
  const rule = (check: (v: never) => Problem | null): Rule => ({ validator: (_, v) => problem(check(v as never)) });

  function onValuesChange(changed: Partial<CameraFormValues>) {
    setNothingToSave(false);
    if (mode === 'add' && changed.kind) {
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
  const video = isVideo(kind);
  const pending = mutation.isPending;
  const libraryOptions = [1, 2, ...new Set((libraries ?? []).map((l) => l.lib_type).filter((x) => x !== 1 && x !== 2))].flatMap((type) => {
    const libs = (libraries ?? []).filter((l) => l.lib_type === type);
    if (libs.length === 0) return [];
    const label = type === 1 || type === 2 ? t(`libType.${type}`) : t('libType.other', { type });
    return [{ label, title: label, options: libs.map((l) => ({ label: l.lib_name, value: l.lib_id })) }];
  });

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

      {mode === 'add' && cost > free && (
        <Alert className="cameras__form-alert" type="warning" showIcon title={t('form.powerWarning', { cost, free })} />
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

      <Form.Item name="camera_name" label={t('form.name')} required rules={[rule(checkRequired)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="position" label={t('form.position')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="description" label={t('form.description')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>

      {kind === 'rtsp' && (
        <Form.Item
          name="url"
          label={t('form.url')}
          required
          rules={[rule(checkRtspUrl)]}
          extra={mode === 'edit' && camera?.url && form.getFieldValue('url')?.includes(URL_PASSWORD_MASK) ? t('form.urlMasked') : t('form.urlHelp')}
        >
          <Input autoComplete="off" spellCheck={false} inputMode="url" />
        </Form.Item>
      )}

      {kind !== 'rtsp' && (
        <Flex gap={12} wrap className="cameras__row">
          <Form.Item
            className="cameras__grow"
            name="ip"
            label={kind === 'GB28181' ? t('form.sipIp') : t('form.ip')}
            required
            rules={[rule(checkHost)]}
          >
            <Input autoComplete="off" spellCheck={false} inputMode="url" />
          </Form.Item>
          <Form.Item
            name="port"
            label={kind === 'GB28181' ? t('form.sipPort') : t('form.port')}
            required
            rules={[rule((v: number | null) => checkPort(v))]}
            extra={kind === 'GB28181' ? t('form.sipPortHelp') : undefined}
          >
            <InputNumber className="cameras__port" controls={false} />
          </Form.Item>
        </Flex>
      )}

      {kind === 'GB28181' && (
        <>
          <Form.Item
            name="server_sip_id"
            label={t('form.serverSipId')}
            required
            rules={[rule(checkSipId)]}
            extra={serverSipId ? t('form.serverSipIdHelp', { id: serverSipId }) : t('form.sipIdHelp', LIMIT_VARS)}
          >
            <Input autoComplete="off" inputMode="numeric" spellCheck={false} />
          </Form.Item>
          <Form.Item name="camera_sip_id" label={t('form.cameraSipId')} required rules={[rule(checkSipId)]} extra={t('form.sipIdHelp', LIMIT_VARS)}>
            <Input autoComplete="off" inputMode="numeric" spellCheck={false} />
          </Form.Item>
          <Form.Item
            name="camera_pwd"
            label={t('form.gbPassword')}
            extra={mode === 'edit' ? t('form.passwordHelpEdit') : t('form.gbPasswordHelp')}
          >
            <Input.Password autoComplete="new-password" placeholder={mode === 'edit' ? t('form.passwordKeep') : undefined} />
          </Form.Item>
        </>
      )}

      {(kind === 'onvif' || kind === 'IMAGE') && (
        <Flex gap={12} wrap className="cameras__row">
          <Form.Item className="cameras__grow" name="camera_user" label={t('form.user')} required rules={[rule(checkRequired)]}>
            <Input autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item
            className="cameras__grow"
            name="camera_pwd"
            label={t('form.password')}
            required={mode === 'add'}
            rules={mode === 'add' ? [rule(checkRequired)] : []}
            extra={mode === 'edit' ? t('form.passwordHelpEdit') : undefined}
          >
            <Input.Password autoComplete="new-password" placeholder={mode === 'edit' ? t('form.passwordKeep') : undefined} />
          </Form.Item>
        </Flex>
      )}

      {kind === 'IMAGE' && (
        <Flex gap={12} wrap className="cameras__row">
          <Form.Item className="cameras__grow" name="vendor" label={t('form.vendor')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={VENDORS.map((v) => ({ value: v, label: t(`vendor.${v}`) }))} />
          </Form.Item>
          <Form.Item className="cameras__grow" name="product" label={t('form.product')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Flex>
      )}

      <Form.Item name="lib_ids" label={t('form.libraries')}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('form.librariesPlaceholder')}
          notFoundContent={t('form.librariesEmpty')}
          options={libraryOptions}
          showSearch={{ optionFilterProp: 'label' }}
          loading={libraries === undefined}
        />
      </Form.Item>

      <Form.Item
        name="threshold"
        label={t('form.threshold')}
        required
        rules={[rule(checkThreshold)]}
        extra={t('form.thresholdHelp', LIMIT_VARS)}
      >
        <ThresholdInput sliderLabel={t('form.thresholdSlider')} />
      </Form.Item>

      {video && (
        <>
          <Form.Item name="snap_mode" label={t('form.snap')} required>
            <Radio.Group aria-label={t('form.snap')} className="cameras__snap">
              {([1, 2, 3] as const).map((m) => (
                <Radio key={m} value={m}>
                  <strong>{t(`snap.${m}`)}</strong> <Typography.Text type="secondary">— {t(`snap.help.${m}`)}</Typography.Text>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Flex gap={12} wrap className="cameras__row">
            <Form.Item name="facesize_min" label={t('form.faceMin')} rules={[rule(checkFaceSize)]}>
              <InputNumber className="cameras__face" controls={false} />
            </Form.Item>
            <Form.Item
              name="facesize_max"
              label={t('form.faceMax')}
              dependencies={['facesize_min']}
              rules={[
                rule(checkFaceSize),
                ({ getFieldValue }) => ({
                  validator: (_, v: number | null) => problem(checkFaceOrder(getFieldValue('facesize_min') as number | null, v)),
                }),
              ]}
            >
              <InputNumber className="cameras__face" controls={false} />
            </Form.Item>
          </Flex>
          <Typography.Paragraph type="secondary" className="cameras__face-help">
            {t('form.faceHelp', { min: FACESIZE_MIN, max: FACESIZE_MAX })}{' '}
            {mode === 'edit' && camera && (kind === 'rtsp' || kind === 'onvif' || kind === 'GB28181') && (
              <RouterLinkButton type="link" size="small" to={hrefs.cameraRoi(camera.channel)} className="cameras__inline-link">
                {t('action.roi')}
              </RouterLinkButton>
            )}
          </Typography.Paragraph>
        </>
      )}

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
      {mutation.error && !pending && <RefusalAlert error={mutation.error} title={t('form.failed')} />}
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

/** The slider and the exact number, one field (antd gives the field's id to the number, so its label points there). */
function ThresholdInput({
  id,
  value,
  onChange,
  sliderLabel,
  disabled,
}: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  sliderLabel: string;
  disabled?: boolean;
}) {
  const inRange = typeof value === 'number' ? Math.min(THRESHOLD_MAX, Math.max(THRESHOLD_MIN, value)) : THRESHOLD_MIN;
  return (
    <Flex gap={12} align="center" className="cameras__threshold">
      <Slider
        className="cameras__threshold-slider"
        min={THRESHOLD_MIN}
        max={THRESHOLD_MAX}
        value={inRange}
        onChange={(v: number) => onChange?.(v)}
        ariaLabelForHandle={sliderLabel}
        disabled={disabled}
      />
      {/* No min / max here: antd would clamp 101 to 100 silently; the rule says it instead. */}
      <InputNumber id={id} value={value} onChange={(v) => onChange?.(typeof v === 'number' ? v : null)} controls={false} disabled={disabled} />
    </Flex>
  );
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
