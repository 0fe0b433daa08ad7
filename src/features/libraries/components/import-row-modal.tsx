import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import { parseCoordinate } from '../../../api/protocol/face-box';
import { FacePicker } from '../../../components/face-picker/face-picker';
import { useCropFace, useDetectAllFaces } from '../api/gallery-queries';
import { IMG_ID_MAX } from '../../../api/protocol/limits';
import { FIELD_ORDER, isImageExtension, ownProblems, sentName, type ImportRow, type PersonFields } from '../lib/import-rows';
import { useLibT } from '../messages';
import { PersonFormItems, useImgIdRules } from './person-form-items';
import { useConfirmDiscard } from './use-confirm-discard';
import { useOpening } from './use-opening';

function clean(v: Partial<PersonFields>): PersonFields {
  const out = {} as PersonFields;
  for (const k of FIELD_ORDER) out[k] = (v[k] ?? '').trim();
  if (out.person_age !== '' && /^\d+$/.test(out.person_age)) out.person_age = String(Number(out.person_age));
  return out;
}

/** The face the device enrols from a photo: its main, the largest (§3.25). */
function largest(faces: readonly { coordinate: string }[]): number {
  let best = 0;
  let bestArea = -1;
  faces.forEach((f, i) => {
    const b = parseCoordinate(f.coordinate);
    const area = b ? (b.x2 - b.x1) * (b.y2 - b.y1) : 0;
    if (area > bestArea) {
      best = i;
      bestArea = area;
    }
  });
  return best;
}

/**
 * Fix one row of a batch: the person's fields, checked as the device would
 * check the name they make (shown live), plus img_id unique in the batch.
 * A photo of several people says which face the device would take and lets
 * the user choose another: the row then sends a cut of that face (as
 * enrolment does, lib/crop-photo.ts).
 */
function ImportRowDialog({
  row,
  takenIds,
  onSave,
  onClose,
}: {
  row: ImportRow | null;
  /** img_ids of the batch's other kept rows. */
  takenIds: ReadonlySet<string>;
  onSave: (key: number, fields: PersonFields, file?: File) => void;
  onClose: () => void;
}) {
  const t = useLibT();
  const [form] = Form.useForm<PersonFields>();
  const values = Form.useWatch([], form) as Partial<PersonFields> | undefined;
  const confirmDiscard = useConfirmDiscard();
  const imgIdRules = useImgIdRules();
  const [preview, setPreview] = useState<string | null>(null);
  const examine = useDetectAllFaces();
  const crop = useCropFace();
  const [chosen, setChosen] = useState<number | null>(null);
  const faces = examine.data ?? [];
  const main = largest(faces);
  const several = faces.length > 1;
  // Once per opening: every face of the row's picture (a file of another type is never sent, nor checked).
  const look = useEffectEvent((r: ImportRow) => examine.mutate(r.file));
  useEffect(() => {
    if (row && isImageExtension(row.ext)) look(row);
  }, [row]);
  const save = (key: number, fields: PersonFields) => {
    const pick = chosen ?? main;
    if (!row || !several || pick === main) return onSave(key, fields);
    crop.mutate({ file: row.file, faces, chosen: pick }, { onSuccess: (file) => onSave(key, fields, file) });
  };

  useEffect(() => {
    if (!row) return;
    const url = URL.createObjectURL(row.file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [row]);

  const fields = row ? clean({ ...row.fields, ...values }) : null;
  const name = row && fields ? sentName(fields, row.ext) : '';
  const stillWrong = row && fields ? ownProblems({ ext: row.ext, fields, unreadName: false }) : [];

  return (
    <Modal
      open={row !== null}
      title={t('import.editTitle')}
      onCancel={() => confirmDiscard(form.isFieldsTouched() || (chosen !== null && chosen !== main), onClose)}
      destroyOnHidden
      width={640}
      footer={null}
    >
      {row && (
        <div className="import-edit">
          <div className="import-edit__photo">
            {several ? (
              <FacePicker
                file={row.file}
                alt={t('import.groupAlt', { name: row.source })}
                faces={faces}
                selected={chosen ?? main}
                onSelect={setChosen}
                prompt={t('import.pickFace', { n: faces.length, main: main + 1 })}
                faceLabel={(n, quality) => t('import.faceQuality', { n, quality })}
              />
            ) : (
              preview && <img src={preview} alt={t('import.photoOf', { name: row.source })} />
            )}
          </div>
          <Form<PersonFields>
            className="lib-form"
            form={form}
            layout="vertical"
            initialValues={{
              ...row.fields,
              person_gender: row.fields.person_gender,
            }}
            onFinish={(v) => save(row.key, clean(v))}
          >
            <Typography.Paragraph className="lib-small">
              {t('import.originalName')} <Typography.Text code>{row.source}</Typography.Text>
            </Typography.Paragraph>
            <Form.Item
              name="img_id"
              label={t('face.imgId')}
              extra={t('face.imgIdHint', { max: IMG_ID_MAX })}
              rules={[
                ...imgIdRules,
                {
                  validator: (_r, v: string | undefined) =>
                    v && takenIds.has(v.trim()) ? Promise.reject(new Error(t('import.problem.duplicate'))) : Promise.resolve(),
                },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <PersonFormItems batchName />
            <div className="import-edit__name" aria-live="polite">
              {t('import.sentAs')} <Typography.Text code>{name}</Typography.Text>
            </div>
            {stillWrong.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={stillWrong.map((p) => t(`import.problem.${p}`)).join('; ')}
                style={{ marginBottom: 12 }}
              />
            )}
            <div className="lib-form-actions">
              <Button onClick={() => confirmDiscard(form.isFieldsTouched(), onClose)}>{t('action.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={crop.isPending}>
                {t('import.saveRow')}
              </Button>
            </div>
          </Form>
        </div>
      )}
    </Modal>
  );
}

/** A form of its own at each opening (use-opening.ts). */
export function ImportRowModal(props: Parameters<typeof ImportRowDialog>[0]) {
  return <ImportRowDialog key={useOpening(props.row !== null)} {...props} />;
}
