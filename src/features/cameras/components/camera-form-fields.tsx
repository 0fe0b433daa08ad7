// The camera form's field groups: how the console reaches the camera (by kind),
// and what it does with the faces it sees. The form itself (camera-form.tsx)
// holds the kind, the name, sending and the device's answer.
import { Flex, Form, Input, InputNumber, Radio, Select, Slider, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { CameraRecord } from '../../../api/protocol/cameras';
import { VENDORS } from '../../../api/protocol/cameras';
import type { Library } from '../../../api/protocol/libraries';
import { FACESIZE_MAX, FACESIZE_MIN, THRESHOLD_MAX, THRESHOLD_MIN } from '../../../api/protocol/limits';
import { hrefs } from '../../../config/paths';
import {
  checkFaceOrder,
  checkFaceSize,
  checkHost,
  checkPort,
  checkRequired,
  checkRtspUrl,
  checkSipId,
  checkThreshold,
  URL_PASSWORD_MASK,
  type CameraFormValues,
  type Problem,
} from '../model/camera-form';
import { isVideo, type CameraKind } from '../model/camera-kind';
import { LIMIT_VARS, useCameraT } from '../messages';
import { RouterLinkButton } from './router-link-button';

/** A model check as an antd rule, its problem said in the user's language. */
export function useFieldRule() {
  const t = useCameraT();
  const problem = (p: Problem | null): Promise<void> => (p ? Promise.reject(new Error(t(p, LIMIT_VARS))) : Promise.resolve());
  const rule = (check: (v: never) => Problem | null): Rule => ({ validator: (_, v) => problem(check(v as never)) });
  return { rule, problem };
}

interface GroupProps {
  mode: 'add' | 'edit';
  kind: CameraKind;
  camera: CameraRecord | undefined;
}

/** How the device reaches the camera: an RTSP URL, an address, SIP ids, a login, a vendor. */
export function ConnectionFields({ mode, kind, camera, serverSipId }: GroupProps & { serverSipId: string | undefined }) {
  const t = useCameraT();
  const form = Form.useFormInstance<CameraFormValues>();
  const { rule } = useFieldRule();
  return (
    <>
      {kind === 'rtsp' && (
        <Form.Item
          name="url"
          label={t('form.url')}
          required
          rules={[rule(checkRtspUrl)]}
          extra={
            mode === 'edit' && camera?.url && form.getFieldValue('url')?.includes(URL_PASSWORD_MASK)
              ? t('form.urlMasked')
              : t('form.urlHelp')
          }
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
          <Form.Item
            name="camera_sip_id"
            label={t('form.cameraSipId')}
            required
            rules={[rule(checkSipId)]}
            extra={t('form.sipIdHelp', LIMIT_VARS)}
          >
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
    </>
  );
}

/** What the camera does with faces: the libraries it checks, how sure a match must be, how it captures. */
export function RecognitionFields({ mode, kind, camera, libraries }: GroupProps & { libraries: readonly Library[] | undefined }) {
  const t = useCameraT();
  const { rule, problem } = useFieldRule();
  const video = isVideo(kind);
  const libraryOptions = [1, 2, ...new Set((libraries ?? []).map((l) => l.lib_type).filter((x) => x !== 1 && x !== 2))].flatMap((type) => {
    const libs = (libraries ?? []).filter((l) => l.lib_type === type);
    if (libs.length === 0) return [];
    const label = type === 1 || type === 2 ? t(`libType.${type}`) : t('libType.other', { type });
    return [{ label, title: label, options: libs.map((l) => ({ label: l.lib_name, value: l.lib_id })) }];
  });

  return (
    <>
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
    </>
  );
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
      <InputNumber
        id={id}
        value={value}
        onChange={(v) => onChange?.(typeof v === 'number' ? v : null)}
        controls={false}
        disabled={disabled}
      />
    </Flex>
  );
}
