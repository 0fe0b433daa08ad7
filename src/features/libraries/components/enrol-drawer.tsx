import { ReloadOutlined, SwapOutlined } from '../../../components/icons';
import { Alert, App, Button, Drawer, Form, Input, Space } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import { DeviceError } from '../../../api/errors';
import { IMG_ID_MAX } from '../../../api/protocol/limits';
import { useCropFace, useDetectAllFaces, useDetectFace, useEnrolFace, useEnrolOnNodes } from '../api/gallery-queries';
import { NodeTargets, useTargetNodes } from '../../../components/node-targets/node-targets';
import { useNodeLibraries } from '../../../api/queries/node-libraries';
import {
  countOutcomes,
  newImgId,
  planTargets,
  retryPlans,
  type MissingChoice,
  type NodeOutcome,
  type TargetPlan,
} from '../lib/node-targets';
import { NodeOutcomeList, TargetNote } from './node-outcomes';
import { FacePicker } from '../../../components/face-picker/face-picker';
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
 * A photo with several faces (§3.26) asks which one: that face is cut out
 * with a margin and the cut is what is checked and sent (§3.7 takes no face
 * box, the device would enrol its main face).
 */
function EnrolDrawerBody({
  libId,
  libName,
  libType,
  open,
  onClose,
}: {
  libId: number;
  libName: string;
  /** The library's type: "the same library" on another node has its name and type. */
  libType?: number;
  open: boolean;
  onClose: () => void;
}) {
  const t = useLibT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnrolValues>();
  const key = open ? draftKey('enrol', libId) : null;
  const draft = useFormDraft(form, key);
  const confirmDiscard = useConfirmDiscard();
  /** The photo the user gave. */
  const [source, setSource] = useState<File | null>(null);
  /** What will be sent: the photo itself, or the cut of the chosen face of a group photo. */
  const [photo, setPhoto] = useState<File | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const examine = useDetectAllFaces();
  const crop = useCropFace();
  const detect = useDetectFace();
  const enrol = useEnrolFace(libId);
  const imgIdRules = useImgIdRules();

  // Fleet mode: the target nodes (the node shown by default: then it is today's drawer).
  const fleet = useTargetNodes();
  const [targets, setTargets] = useState<string[]>(() => (fleet ? [fleet.shown] : []));
  const [choices, setChoices] = useState<Record<string, MissingChoice>>({});
  const lists = useNodeLibraries(fleet ? targets.filter((n) => n !== fleet.shown) : []);
  const many = fleet !== null && !(targets.length === 1 && targets[0] === fleet.shown);
  const want = { name: libName, type: libType ?? 0 };
  const plans: TargetPlan[] = many
    ? planTargets(
        targets,
        (n) => (n === fleet.shown ? { data: [{ lib_id: libId, lib_name: libName, lib_type: want.type }] } : lists(n)),
        want,
        choices,
      )
    : [];
  const enrolMany = useEnrolOnNodes(libId);
  /** The last send to several nodes: the same person (img_id included) goes to the failed ones on a retry. */
  const [sent, setSent] = useState<{ plans: TargetPlan[]; person: Parameters<typeof enrolMany.mutate>[0]['person'] } | null>(null);
  const [outcomes, setOutcomes] = useState<NodeOutcome[] | null>(null);

  const keepPhoto = (file: File) => {
    if (!key) return;
    if (file.size <= DRAFT_PICTURE_MAX) {
      void fileToDataUrl(file).then((data) => writeDraft(`${key}|photo`, { name: file.name, data } satisfies PhotoDraft));
    } else clearDraft(`${key}|photo`);
  };
  // Every face first (782): one face goes on as before, several wait for the user's choice.
  const check = (file: File) => {
    setSource(file);
    setPhoto(null);
    setChosen(null);
    crop.reset();
    detect.reset();
    examine.mutate(file, {
      onSuccess: (faces) => {
        if (faces.length > 1) return;
        setPhoto(file);
        detect.mutate(file);
        keepPhoto(file);
      },
    });
  };
  const choose = (file: File) => {
    enrol.reset();
    check(file);
  };
  const pickFace = (index: number) => {
    if (!source || !examine.data) return;
    setChosen(index);
    setPhoto(null);
    detect.reset();
    enrol.reset();
    crop.mutate(
      { file: source, faces: examine.data, chosen: index },
      {
        onSuccess: (cut) => {
          setPhoto(cut);
          detect.mutate(cut);
          keepPhoto(cut);
        },
      },
    );
  };
  const forgetPhoto = () => {
    setSource(null);
    setPhoto(null);
    setChosen(null);
    examine.reset();
    crop.reset();
    detect.reset();
  };

  // A second Enter before the drawer has closed would enrol the person twice
  // (each opening is its own instance: EnrolDrawer's key).
  const once = useSendOnce();
  // Opening: a photo kept with the draft comes back and is checked again.
  const restorePhoto = useEffectEvent((draftKey: string) => {
    const kept = readDraft<PhotoDraft>(`${draftKey}|photo`);
    const file = kept ? dataUrlToFile(kept.data, kept.name) : null;
    if (file) check(file);
  });
  // Once per opening.
  useEffect(() => {
    if (key) restorePhoto(key);
  }, [key]);

  const reset = () => {
    draft.discard();
    if (key) clearDraft(`${key}|photo`);
    forgetPhoto();
    enrol.reset();
  };
  const close = () => {
    reset();
    onClose();
  };
  const isDirty = () => draft.isDirty() || source !== null;

  const sendMany = (job: NonNullable<typeof sent>, earlier: readonly NodeOutcome[]) => {
    enrolMany.mutate(
      { plans: job.plans, want, person: job.person },
      {
        onSuccess: (got) => {
          // A retry replaces the outcomes of the nodes it went to.
          const byNode = new Map([...earlier, ...got].map((o) => [o.node, o]));
          const all = targets.filter((n) => byNode.has(n)).map((n) => byNode.get(n)!);
          setOutcomes(all);
          const c = countOutcomes(all);
          if (c.failed === 0) void message.success(t('outcome.summary', { stored: c.stored, total: all.length }));
          else once.refused();
        },
        onError: () => once.refused(),
      },
    );
  };

  const submit = (v: EnrolValues) => {
    if (!photo || !detect.data || !once.take()) return;
    const person = cleanPerson(v);
    const imgId = (v.img_id ?? '').trim();
    if (many) {
      // One img_id on every node (lib/node-targets.ts newImgId): the same person everywhere.
      const job = { plans, person: { img: photo, img_id: imgId || newImgId(), ...person } };
      setSent(job);
      setOutcomes(null);
      sendMany(job, []);
      return;
    }
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
  const checkError = examine.error ?? crop.error ?? detect.error;
  const detectCode = checkError instanceof DeviceError ? checkError.code : null;
  const faces = examine.data ?? [];
  const several = faces.length > 1;
  const checking = examine.isPending || crop.isPending || detect.isPending;
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
        {source ? (
          <>
            {several ? (
              <>
                <FacePicker
                  file={source}
                  alt={t('enrol.groupAlt', { name: source.name })}
                  faces={faces}
                  selected={chosen}
                  onSelect={pickFace}
                  prompt={t('enrol.pickFace', { n: faces.length })}
                  faceLabel={(n, quality) => t('enrol.faceQuality', { n, quality })}
                />
                {photo && <DetectionPreview file={photo} detection={detect.data ?? null} />}
              </>
            ) : (
              <DetectionPreview file={photo ?? source} detection={detect.data ?? null} />
            )}
            <Space wrap style={{ marginTop: 8 }}>
              <Button
                icon={<SwapOutlined aria-hidden />}
                onClick={() => {
                  forgetPhoto();
                  if (key) clearDraft(`${key}|photo`);
                }}
              >
                {t('enrol.another')}
              </Button>
              {checkError && (
                <Button
                  icon={<ReloadOutlined aria-hidden />}
                  onClick={() => (photo && examine.isSuccess ? detect.mutate(photo) : chosen !== null ? pickFace(chosen) : check(source))}
                >
                  {t('enrol.checkAgain')}
                </Button>
              )}
            </Space>
            <div role="status" aria-live="polite" className="enrol-status">
              {checking && t('enrol.checking')}
              {detect.isSuccess &&
                (several && chosen !== null
                  ? t('enrol.faceChosen', { n: chosen + 1, quality: detect.data.quality })
                  : t('enrol.faceFound', { quality: detect.data.quality }))}
            </div>
            {checkError &&
              (detectCode === ErrorCode.NO_FACE ? (
                <Alert type="error" showIcon title={t('enrol.noFace')} description={t('enrol.noFaceHint')} />
              ) : (
                <ErrorAlert error={checkError} title={t('enrol.detectFailed')} />
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
          {fleet && (
            <NodeTargets
              value={targets}
              disabled={enrolMany.isPending || outcomes !== null}
              onChange={(next) => {
                setTargets(next);
                setOutcomes(null);
              }}
              notes={Object.fromEntries(
                plans.map((p) => [
                  p.node,
                  <TargetNote key={p.node} plan={p} library={want} onChoice={(c) => setChoices((x) => ({ ...x, [p.node]: c }))} />,
                ]),
              )}
            />
          )}
          {outcomes && (
            <section aria-label={t('outcome.title')}>
              <h2 className="lib-h2">{t('outcome.title')}</h2>
              <p role="status">{t('outcome.summary', { stored: countOutcomes(outcomes).stored, total: outcomes.length })}</p>
              <NodeOutcomeList outcomes={outcomes} />
            </section>
          )}
          <div className="lib-form-actions">
            {outcomes ? (
              <>
                {countOutcomes(outcomes).failed > 0 && sent && (
                  <Button
                    loading={enrolMany.isPending}
                    onClick={() => {
                      if (!once.take()) return;
                      sendMany({ ...sent, plans: retryPlans(sent.plans, outcomes) }, outcomes);
                    }}
                  >
                    {t('outcome.retry', { n: countOutcomes(outcomes).failed })}
                  </Button>
                )}
                <Button type="primary" onClick={close}>
                  {t('outcome.done')}
                </Button>
              </>
            ) : (
              <>
                <Button onClick={() => confirmDiscard(isDirty(), close)}>{t('action.cancel')}</Button>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={enrol.isPending || enrolMany.isPending}
                  disabled={
                    !photo ||
                    !detect.isSuccess ||
                    (many && (targets.length === 0 || libType === undefined || plans.some((p) => p.kind === 'reading')))
                  }
                >
                  {many ? t('enrol.submitMany', { n: targets.length }) : t('enrol.submit')}
                </Button>
              </>
            )}
          </div>
          {!detect.isSuccess && (
            <p className="lib-muted lib-small lib-right">{several && chosen === null ? t('enrol.needFace') : t('enrol.needPhoto')}</p>
          )}
        </Form>
      </section>
    </Drawer>
  );
}

/** A form of its own at each opening (use-opening.ts). */
export function EnrolDrawer(props: Parameters<typeof EnrolDrawerBody>[0]) {
  return <EnrolDrawerBody key={useOpening(props.open)} {...props} />;
}
