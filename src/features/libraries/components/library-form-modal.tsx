import { Alert, Button, Form, Input, Modal, Radio, Space } from 'antd';
import { useEffect } from 'react';
import { DeviceError } from '../../../api/errors';
import type { Library } from '../../../api/protocol/libraries';
import { LIB_NAME_MAX } from '../../../api/protocol/limits';
import { useCreateLibrary, useUpdateLibrary } from '../api/library-queries';
import { draftKey } from '../lib/drafts';
import { useLibT } from '../messages';
import { ErrorAlert } from '../../../components/error-alert';
import { useSendOnce } from '../../../components/use-send-once';
import { useConfirmDiscard } from './use-confirm-discard';
import { useFormDraft } from './use-form-draft';
import { useOpening } from './use-opening';
import { ErrorCode } from '../../../api/protocol/error-codes';

interface Values {
  lib_name: string;
  lib_type: 1 | 2;
}

/** Create (library null) or rename / retype a library. */
function LibraryFormDialog({
  open,
  library,
  libraries,
  onClose,
  onSaved,
}: {
  open: boolean;
  library: Library | null;
  /** For the duplicate-name check before sending (the device answers -119). */
  libraries: readonly Library[];
  onClose: () => void;
  onSaved: (saved: { lib_id: number; lib_name: string }, created: boolean) => void;
}) {
  const t = useLibT();
  const [form] = Form.useForm<Values>();
  const draft = useFormDraft(form, open ? draftKey('library', library ? library.lib_id : 'new') : null);
  const confirmDiscard = useConfirmDiscard();
  const create = useCreateLibrary();
  const update = useUpdateLibrary();
  const mutation = library ? update : create;
  // Each opening is its own instance (LibraryFormModal's key).
  const once = useSendOnce();

  // Only on opening: a mutation's state belongs to one visit of the form
  // (react-query's reset is stable, so this runs when `open` changes).
  const { reset: resetCreate } = create;
  const { reset: resetUpdate } = update;
  useEffect(() => {
    if (open) {
      resetCreate();
      resetUpdate();
    }
  }, [open, resetCreate, resetUpdate]);

  const close = () => {
    draft.discard();
    onClose();
  };

  const submit = (v: Values) => {
    if (!once.take()) return;
    const req = { lib_name: v.lib_name.trim(), lib_type: v.lib_type };
    const onSuccess = (saved: { lib_id: number; lib_name: string }) => {
      draft.discard();
      onSaved(saved, !library);
    };
    const onError = (e: unknown) => {
      once.refused();
      if (e instanceof DeviceError && e.code === ErrorCode.LIBRARY_EXISTS) {
        form.setFields([{ name: 'lib_name', errors: [t('library.nameTaken')] }]);
      }
    };
    if (library) update.mutate({ lib_id: library.lib_id, ...req }, { onSuccess, onError });
    else create.mutate(req, { onSuccess, onError });
  };

  const fieldError = mutation.error instanceof DeviceError && mutation.error.code === ErrorCode.LIBRARY_EXISTS;

  return (
    <Modal
      open={open}
      title={library ? t('library.editTitle', { name: library.lib_name }) : t('library.createTitle')}
      onCancel={() => confirmDiscard(draft.isDirty(), close)}
      footer={null}
      destroyOnHidden
    >
      <Form<Values>
        className="lib-form"
        form={form}
        layout="vertical"
        initialValues={
          draft.initial ??
          (library ? { lib_name: library.lib_name, lib_type: library.lib_type === 2 ? 2 : 1 } : { lib_name: '', lib_type: 1 })
        }
        onValuesChange={draft.keep}
        onFinish={submit}
        requiredMark
      >
        {draft.restored && <Alert type="info" showIcon title={t('draft.restored')} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="lib_name"
          label={t('library.name')}
          extra={t('library.nameHint', { max: LIB_NAME_MAX })}
          rules={[
            { required: true, whitespace: true, message: t('library.nameRequired') },
            { max: LIB_NAME_MAX, message: t('library.nameTooLong', { max: LIB_NAME_MAX }) },
            {
              validator: (_r, value: string) => {
                const name = (value ?? '').trim();
                const taken = libraries.some((l) => l.lib_name === name && l.lib_id !== library?.lib_id);
                return taken ? Promise.reject(new Error(t('library.nameTaken'))) : Promise.resolve();
              },
            },
          ]}
        >
          <Input autoComplete="off" maxLength={LIB_NAME_MAX} showCount autoFocus />
        </Form.Item>
        <Form.Item name="lib_type" label={t('library.type')} rules={[{ required: true }]}>
          <Radio.Group>
            <Space orientation="vertical">
              <Radio value={1}>
                <strong>{t('type.black')}</strong> — {t('type.blackHint')}
              </Radio>
              <Radio value={2}>
                <strong>{t('type.white')}</strong> — {t('type.whiteHint')}
              </Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {mutation.isError && !fieldError && (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={mutation.error} title={library ? t('library.saveFailed') : t('library.createFailed')} />
          </div>
        )}
        <div className="lib-form-actions">
          <Button onClick={() => confirmDiscard(draft.isDirty(), close)}>{t('action.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {library ? t('action.save') : t('library.create')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}

/** A form of its own at each opening (use-opening.ts). */
export function LibraryFormModal(props: Parameters<typeof LibraryFormDialog>[0]) {
  return <LibraryFormDialog key={useOpening(props.open)} {...props} />;
}
