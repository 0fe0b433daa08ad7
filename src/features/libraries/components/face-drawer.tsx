import { DeleteOutlined, EditOutlined, FieldTimeOutlined } from '../../../components/icons';
import { Link } from 'react-router';
import { hrefs } from '../../../config/paths';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Form, Skeleton, Space } from 'antd';
import { DeviceError } from '../../../api/errors';
import type { FaceRecord } from '../../../api/protocol/faces';
import { galleryQueries, useDeleteFace, useUpdateFace } from '../api/gallery-queries';
import { draftKey } from '../lib/drafts';
import { useLibT } from '../messages';
import { ErrorAlert } from '../../../components/error-alert';
import { personLabel } from './face-grid';
import { PersonPicture } from './person-picture';
import { cleanPerson, PersonFormItems, type PersonValues } from './person-form-items';
import { useConfirmDiscard } from './use-confirm-discard';
import { useFormDraft } from './use-form-draft';
import { useOpening } from './use-opening';
import { ErrorCode } from '../../../api/protocol/error-codes';

/**
 * A person: the photo, every attribute, edit (validated as §3.9 says: age
 * 1-120, gender 0/1) and delete with confirmation. Which face and whether it
 * is being edited live in the URL (?face=…&edit=1).
 */
function FaceDrawerBody({
  libId,
  imgId,
  editing,
  onEdit,
  onClose,
  onDeleted,
}: {
  libId: number;
  imgId: string | null;
  editing: boolean;
  onEdit: (on: boolean) => void;
  onClose: () => void;
  onDeleted: (imgId: string) => void;
}) {
  const t = useLibT();
  const { modal, message } = App.useApp();
  const face = useQuery({ ...galleryQueries.face(libId, imgId ?? ''), enabled: imgId !== null });
  const del = useDeleteFace(libId);
  const [form] = Form.useForm<PersonValues>();
  const confirmDiscard = useConfirmDiscard();
  const draft = useFormDraft(form, imgId && editing && face.data ? draftKey('face', libId, imgId) : null);
  const update = useUpdateFace(libId);

  const label = face.data ? personLabel(face.data) : (imgId ?? '');

  const stopEditing = () => {
    draft.discard();
    update.reset();
    onEdit(false);
  };
  const requestClose = () => {
    if (editing)
      confirmDiscard(draft.isDirty(), () => {
        draft.discard();
        onClose();
      });
    else onClose();
  };

  const confirmDelete = (f: FaceRecord) =>
    modal.confirm({
      title: t('face.deleteTitle', { name: personLabel(f) }),
      content: t('face.deleteBody'),
      okText: t('face.delete'),
      okButtonProps: { danger: true },
      cancelText: t('action.cancel'),
      onOk: () =>
        del.mutateAsync(f.img_id).then(
          () => {
            void message.success(t('face.deleted', { name: personLabel(f) }));
            draft.discard();
            onDeleted(f.img_id);
          },
          () => undefined,
        ),
    });

  const submit = (v: PersonValues) => {
    if (!imgId) return;
    update.mutate(
      { img_id: imgId, ...cleanPerson(v) },
      {
        onSuccess: () => {
          void message.success(t('face.saved', { name: cleanPerson(v).person_name || imgId }));
          stopEditing();
        },
      },
    );
  };

  const f = face.data;
  return (
    <Drawer
      open={imgId !== null}
      onClose={requestClose}
      title={editing ? t('face.editTitle', { name: label }) : label}
      size={480}
      destroyOnHidden
      extra={
        f && !editing ? (
          <Space>
            <Button icon={<EditOutlined aria-hidden />} onClick={() => onEdit(true)}>
              {t('action.edit')}
            </Button>
            <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => confirmDelete(f)}>
              {t('face.delete')}
            </Button>
          </Space>
        ) : null
      }
    >
      {face.isPending && imgId !== null && <Skeleton active />}
      {face.isError &&
        (face.error instanceof DeviceError && face.error.code === ErrorCode.FACE_MISSING ? (
          <Alert type="warning" showIcon title={t('face.gone')} />
        ) : (
          <ErrorAlert error={face.error} title={t('face.loadFailed')} />
        ))}
      {del.isError && <ErrorAlert error={del.error} title={t('face.deleteFailed')} />}
      {f && (
        <div className="face-detail">
          <div className="face-detail__photo">
            <PersonPicture path={f.img_path} alt={t('face.photoOf', { name: label })} />
          </div>
          {editing ? (
            <Form<PersonValues>
              className="lib-form"
              form={form}
              layout="vertical"
              initialValues={
                draft.initial ?? {
                  person_name: f.person_name,
                  person_idcard: f.person_idcard,
                  person_gender: f.person_gender === '0' || f.person_gender === '1' ? f.person_gender : '',
                  person_age: f.person_age,
                  person_addr: f.person_addr,
                }
              }
              onValuesChange={draft.keep}
              onFinish={submit}
            >
              {draft.restored && <Alert type="info" showIcon title={t('draft.restored')} style={{ marginBottom: 16 }} />}
              <PersonFormItems />
              {update.isError && (
                <div style={{ marginBottom: 16 }}>
                  <ErrorAlert error={update.error} title={t('face.saveFailed')} />
                </div>
              )}
              <div className="lib-form-actions">
                <Button onClick={() => confirmDiscard(draft.isDirty(), stopEditing)}>{t('action.cancel')}</Button>
                <Button type="primary" htmlType="submit" loading={update.isPending}>
                  {t('action.save')}
                </Button>
              </div>
            </Form>
          ) : (
            <>
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('face.name')}>{f.person_name || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('face.imgId')}>{f.img_id}</Descriptions.Item>
                <Descriptions.Item label={t('face.idcard')}>{f.person_idcard || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('face.gender')}>
                  {f.person_gender === '0' || f.person_gender === '1' ? t(`gender.${f.person_gender}`) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('face.age')}>{f.person_age || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('face.addr')}>{f.person_addr || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('face.created')}>{f.create_time}</Descriptions.Item>
                <Descriptions.Item label={t('face.feature')}>
                  {f.img_feat ? t('face.featureLength', { n: f.img_feat.split(',').length }) : '—'}
                </Descriptions.Item>
              </Descriptions>
              <Link className="face-detail__seen" to={hrefs.personSeen(libId, f.img_id)}>
                <FieldTimeOutlined aria-hidden /> {t('face.seen')}
              </Link>
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}

/** A form of its own at each opening (use-opening.ts). */
export function FaceDrawer(props: Parameters<typeof FaceDrawerBody>[0]) {
  return <FaceDrawerBody key={useOpening(props.imgId !== null)} {...props} />;
}
