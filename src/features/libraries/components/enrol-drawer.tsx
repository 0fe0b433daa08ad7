import { ReloadOutlined, SwapOutlined } from '../../../components/icons';
import { Alert, App, Button, Drawer, Form, Input, Space } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import { DeviceError } from '../../../api/errors';
import { IMG_ID_MAX } from '../../../api/protocol/limits';
import { useDetectFace, useEnrolFace } from '../api/gallery-queries';
import { clearDraft, dataUrlToFile, draftKey, DRAFT_PICTURE_MAX, fileToDataUrl, readDraft, writeDraft } from '../lib/drafts';
import { useLibT } from '../messages';
import { DetectionPreview } from './detection-preview';
import { ErrorAlert } from '../../../components/error-alert';
import { useSendOnce } from '../../../components/use-send-once';
import { cleanPerson, EMPTY_PERSON, PersonFormItems, useImgIdRules, type PersonValues } from './person-form-items';
import { PhotoPicker } from './photo-picker';
import { useConfirmDiscard } from './use-confirm-discard';
import { useFormDraft } from './use-form-draft';
import { useOpening } from './use-opening';
import { ErrorCode } from '../../../api/protocol/error-codes';

interface EnrolValues extends PersonValues {
  img_id: string;
}

/** Codes about the picture itself: said beside the photo. */
const PHOTO_CODES = new Set<number>([ErrorCode.NO_FACE, ErrorCode.LOW_QUALITY, ErrorCode.BAD_IMAGE]);

interface PhotoDraft {
  name: string;
  data: string;
}

/**
 * Enrol one person (§3.7): a photo first, checked by the device's own
 * detection (§3.25) with the face box and quality drawn over it, then the
 * person's fields; img_id rules are checked before anything is sent. Open
 * while ?enrol=1; the typed fields and a small photo are kept as a draft.
 */
function EnrolDrawerBody({ libId, libName, open, onClose }: { libId: number; libName: string; open: boolean; onClose: () => void }) {
  const t = useLibT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnrolValues>();
  const key = open ? draftKey('enrol', libId) : null;
  const draft = useFormDraft(form, key);
  const confirmDiscard = useConfirmDiscard();
  const [photo, setPhoto] = useState<File | null>(null);
  const detect = useDetectFace();
  const enrol = useEnrolFace(libId);
  const imgIdRules = useImgIdRules();

  const choose = (file: File) => {
    setPhoto(file);
    enrol.reset();
    detect.mutate(file);
    if (!key) return;
    if (file.size <= DRAFT_PICTURE_MAX) {
      void fileToDataUrl(file).then((data) => writeDraft(`${key}|photo`, { name: file.name, data } satisfies PhotoDraft));
    } else clearDraft(`${key}|photo`);
  };

  // A second Enter before the drawer has closed would enrol the person twice
  // (each opening is its own instance: EnrolDrawer's key).
  const once = useSendOnce();
  // Opening: a photo kept with the draft comes back and is checked again.
  const restorePhoto = useEffectEvent((draftKey: string) => {
    const kept = readDraft<PhotoDraft>(`${draftKey}|photo`);
    const file = kept ? dataUrlToFile(kept.data, kept.name) : null;
    if (file) {
      setPhoto(file);
      detect.mutate(file);
    }
  });
  // Once per opening.
  useEffect(() => {
    if (key) restorePhoto(key);
  }, [key]);

  const reset = () => {
    draft.discard();
    if (key) clearDraft(`${key}|photo`);
    setPhoto(null);
    detect.reset();
    enrol.reset();
  };
  const close = () => {
    reset();
    onClose();
  };
  const isDirty = () => draft.isDirty() || photo !== null;

  const submit = (v: EnrolValues) => {
    if (!photo || !detect.data || !once.take()) return;
    const person = cleanPerson(v);
    const imgId = (v.img_id ?? '').trim();
    enrol.mutate(
      { img: photo, ...(imgId ? { img_id: imgId } : {}), ...person },
      {
        onSuccess: (ans) => {
          void message.success(t('enrol.done', { name: person.person_name || ans.img_id, id: ans.img_id }));
          close();
        },
        onError: (e) => {
          once.refused();
          if (!(e instanceof DeviceError)) return;
          if (e.code === ErrorCode.IMG_ID_EXISTS) form.setFields([{ name: 'img_id', errors: [t('face.imgIdTaken')] }]);
          if (e.code === ErrorCode.IMG_ID_TOO_LONG)
            form.setFields([{ name: 'img_id', errors: [t('face.imgIdTooLong', { max: IMG_ID_MAX })] }]);
        },
      },
    );
  };

  const enrolCode = enrol.error instanceof DeviceError ? enrol.error.code : null;
  const enrolOnField = enrolCode === ErrorCode.IMG_ID_EXISTS || enrolCode === ErrorCode.IMG_ID_TOO_LONG;
  const enrolOnPhoto = enrolCode !== null && PHOTO_CODES.has(enrolCode);
  const detectCode = detect.error instanceof DeviceError ? detect.error.code : null;
  const estimate = detect.data?.attribute;

  return (
    <Drawer
      open={open}
      title={t('enrol.title', { name: libName })}
      size={560}
      onClose={() => confirmDiscard(isDirty(), close)}
      destroyOnHidden
    >
      {draft.restored && <Alert type="info" showIcon title={t('draft.restored')} style={{ marginBottom: 16 }} />}
      <section aria-label={t('enrol.photo')} className="enrol-photo">
        <h2 className="lib-h2">{t('enrol.step1')}</h2>
        {photo ? (
          <>
            <DetectionPreview file={photo} detection={detect.data ?? null} />
            <Space wrap style={{ marginTop: 8 }}>
              <Button
                icon={<SwapOutlined aria-hidden />}
                onClick={() => {
                  setPhoto(null);
                  detect.reset();
                  if (key) clearDraft(`${key}|photo`);
                }}
              >
                {t('enrol.another')}
              </Button>
              {detect.isError && (
                <Button icon={<ReloadOutlined aria-hidden />} onClick={() => detect.mutate(photo)}>
                  {t('enrol.checkAgain')}
                </Button>
              )}
            </Space>
            <div role="status" aria-live="polite" className="enrol-status">
              {detect.isPending && t('enrol.checking')}
              {detect.isSuccess && t('enrol.faceFound', { quality: detect.data.quality })}
            </div>
            {detect.isError &&
              (detectCode === ErrorCode.NO_FACE ? (
                <Alert type="error" showIcon title={t('enrol.noFace')} description={t('enrol.noFaceHint')} />
              ) : (
                <ErrorAlert error={detect.error} title={t('enrol.detectFailed')} />
              ))}
            {enrolOnPhoto && <ErrorAlert error={enrol.error} title={t('enrol.photoRefused')} />}
          </>
        ) : (
          <PhotoPicker onPick={choose} active={open} />
        )}
      </section>

      <section aria-label={t('enrol.person')}>
        <h2 className="lib-h2">{t('enrol.step2')}</h2>
        <Form<EnrolValues>
          className="lib-form"
          form={form}
          layout="vertical"
          initialValues={draft.initial ?? { ...EMPTY_PERSON, img_id: '' }}
          onValuesChange={draft.keep}
          onFinish={submit}
        >
          <Form.Item name="img_id" label={t('face.imgId')} extra={t('face.imgIdHint', { max: IMG_ID_MAX })} rules={imgIdRules}>
            <Input autoComplete="off" maxLength={IMG_ID_MAX + 8} />
          </Form.Item>
          <PersonFormItems />
          {estimate && (
            <Button
              type="link"
              className="lib-link-button"
              onClick={() => {
                const age = Math.round(Number(estimate.st_age_value));
                form.setFieldsValue({
                  person_gender: estimate.gender_code === 'male' ? '1' : estimate.gender_code === 'female' ? '0' : '',
                  ...(age >= 1 && age <= 120 ? { person_age: String(age) } : {}),
                });
                draft.keep(null, form.getFieldsValue());
              }}
            >
              {t('enrol.useEstimate')}
            </Button>
          )}
          {enrol.isError && !enrolOnField && !enrolOnPhoto && (
            <div style={{ margin: '12px 0' }}>
              <ErrorAlert error={enrol.error} title={enrolCode === ErrorCode.PARAM_ERROR ? t('enrol.paramRefused') : t('enrol.failed')} />
            </div>
          )}
          <div className="lib-form-actions">
            <Button onClick={() => confirmDiscard(isDirty(), close)}>{t('action.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={enrol.isPending} disabled={!photo || !detect.isSuccess}>
              {t('enrol.submit')}
            </Button>
          </div>
          {!detect.isSuccess && <p className="lib-muted lib-small lib-right">{t('enrol.needPhoto')}</p>}
        </Form>
      </section>
    </Drawer>
  );
}

/** A form of its own at each opening (use-opening.ts). */
export function EnrolDrawer(props: Parameters<typeof EnrolDrawerBody>[0]) {
  return <EnrolDrawerBody key={useOpening(props.open)} {...props} />;
}
