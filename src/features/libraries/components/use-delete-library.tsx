import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { Link } from 'react-router';
import { describeError } from '../../../api/device-error';
import { DeviceError } from '../../../api/errors';
import type { Library } from '../../../api/protocol/libraries';
import { hrefs } from '../../../config/paths';
import { useLang } from '../../../i18n';
import { useDeleteLibrary } from '../api/library-queries';
import { useLibT } from '../messages';
import { ErrorCode } from '../../../api/protocol/error-codes';
import { cameraQueries, selectWatchers, type Watcher } from '../../../api/queries/cameras';

/**
 * Deleting a library: confirm naming what is lost (its faces and their
 * photos). The device refuses while a camera watches it (-123): then the
 * cameras are named (read fresh from 516), with the way to the camera page.
 */
export function useDeleteLibraryFlow(onDeleted?: (lib: Library) => void) {
  const { modal, message } = App.useApp();
  const t = useLibT();
  const lang = useLang();
  const qc = useQueryClient();
  const del = useDeleteLibrary();

  const showWatched = (lib: Library, watchers: readonly Watcher[]) => {
    let dialog: { destroy: () => void } | undefined;
    dialog = modal.error({
      title: t('library.deleteWatchedTitle', { name: lib.lib_name }),
      content: (
        <div>
          <p>{t('library.deleteWatchedBody')}</p>
          {watchers.length > 0 ? (
            <ul aria-label={t('library.watchers')}>
              {watchers.map((w) => (
                <li key={w.channel}>{t('library.watcher', { name: w.name, channel: w.channel })}</li>
              ))}
            </ul>
          ) : (
            <p>{t('library.watchersUnknown')}</p>
          )}
          <Link to={hrefs.cameras()} onClick={() => dialog?.destroy()}>
            {t('library.goCameras')}
          </Link>
        </div>
      ),
      okText: t('action.close'),
    });
  };

  return (lib: Library) => {
    const cameras = qc.getQueryData(cameraQueries.list().queryKey);
    const known = (cameras ? selectWatchers(cameras).get(lib.lib_id) : undefined) ?? [];
    modal.confirm({
      title: t('library.deleteTitle', { name: lib.lib_name }),
      content: (
        <div>
          <p>{t('library.deleteBody', { count: lib.picture_no.toLocaleString(lang) })}</p>
          {known.length > 0 && <p>{t('library.deleteWatchedNote', { cameras: known.map((w) => w.name).join(', ') })}</p>}
        </div>
      ),
      okText: t('library.delete'),
      okButtonProps: { danger: true },
      cancelText: t('action.cancel'),
      onOk: () =>
        del.mutateAsync(lib.lib_id).then(
          () => {
            void message.success(t('library.deleted', { name: lib.lib_name }));
            onDeleted?.(lib);
          },
          async (e: unknown) => {
            if (e instanceof DeviceError && e.code === ErrorCode.LIBRARY_WATCHED) {
              let watchers: Watcher[] = [];
              try {
                watchers = selectWatchers(await qc.fetchQuery({ ...cameraQueries.list(), staleTime: 0 })).get(lib.lib_id) ?? [];
              } catch {
                // Named as unknown below; the refusal itself is still said.
              }
              showWatched(lib, watchers);
              return;
            }
            const d = describeError(e, lang);
            modal.error({ title: t('library.deleteFailed', { name: lib.lib_name }), content: `${d.title}. ${d.hint}` });
          },
        ),
    });
  };
}
