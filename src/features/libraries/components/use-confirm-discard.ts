import { App } from 'antd';
import { useCallback } from 'react';
import { useLibT } from '../messages';

/** A dirty form is never dropped by a stray click or Esc: the user confirms first. */
export function useConfirmDiscard() {
  const { modal } = App.useApp();
  const t = useLibT();
  return useCallback(
    (isDirty: boolean, close: () => void) => {
      if (!isDirty) {
        close();
        return;
      }
      modal.confirm({
        title: t('discard.title'),
        content: t('discard.body'),
        okText: t('discard.ok'),
        cancelText: t('discard.keep'),
        okButtonProps: { danger: true },
        onOk: close,
      });
    },
    [modal, t],
  );
}
