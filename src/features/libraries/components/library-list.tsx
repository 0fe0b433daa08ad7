import { FIT_TABLE } from '../../../components/table-fit';
import { DeleteOutlined, EditOutlined, PictureOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '../../../components/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Input, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Library } from '../../../api/protocol/libraries';
import { LIBRARY_COUNT_MAX } from '../../../api/protocol/limits';
import { useLang } from '../../../i18n';
import { useLibT } from '../messages';
import { ErrorAlert } from '../../../components/error-alert';
import { LibraryFormModal } from './library-form-modal';
import { LibraryTypeTag } from './library-type-tag';
import { useDeleteLibraryFlow } from './use-delete-library';
import { hrefs } from '../../../config/paths';
import { cameraQueries, selectWatchers, type Watcher } from '../../../api/queries/cameras';
import { libraryQueries } from '../../../api/queries/libraries';

type TypeFilter = 'all' | '1' | '2';

// A stable empty list while loading, so the filter memo does not recompute every render.
const NO_LIBRARIES: Library[] = [];

/** The libraries: filter by name and type (in the URL), create, edit, delete, open. */
export function LibraryList() {
  const t = useLibT();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const list = useQuery(libraryQueries.list());
  // Optional: who watches what. A failure here must not hide the list.
  const watchers = useQuery({ ...cameraQueries.list(), select: selectWatchers });
  const deleteFlow = useDeleteLibraryFlow();

  const q = params.get('q') ?? '';
  const typeParam = params.get('type');
  const type: TypeFilter = typeParam === '1' || typeParam === '2' ? typeParam : 'all';
  const formParam = params.get('library');

  const setParam = (name: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null || value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: name === 'q' },
    );

  const libraries = list.data ?? NO_LIBRARIES;
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return libraries.filter(
      (l) => (type === 'all' || String(l.lib_type) === type) && (!needle || l.lib_name.toLowerCase().includes(needle)),
    );
  }, [libraries, q, type]);

  const editing = formParam && formParam !== 'new' ? (libraries.find((l) => String(l.lib_id) === formParam) ?? null) : null;
  const formOpen = formParam === 'new' || editing !== null;
  const atLimit = libraries.length >= LIBRARY_COUNT_MAX;

  const watchersOf = (libId: number): Watcher[] => watchers.data?.get(libId) ?? [];

  const columns: ColumnsType<Library> = [
    {
      title: t('library.name'),
      dataIndex: 'lib_name',
      sorter: (a, b) => a.lib_name.localeCompare(b.lib_name, lang),
      render: (_v, lib) => <Link to={hrefs.library(lib.lib_id)}>{lib.lib_name}</Link>,
    },
    {
      title: t('library.type'),
      dataIndex: 'lib_type',
      width: 110,
      render: (v: number) => <LibraryTypeTag type={v} />,
    },
    {
      title: t('library.faces'),
      dataIndex: 'picture_no',
      align: 'right',
      width: 90,
      sorter: (a, b) => a.picture_no - b.picture_no,
      render: (v: number) => v.toLocaleString(lang),
    },
    {
      title: t('library.watchedBy'),
      key: 'watchers',
      responsive: ['lg'],
      render: (_v, lib) => {
        const w = watchersOf(lib.lib_id);
        if (w.length === 0) return <span className="lib-muted">{t('library.noWatchers')}</span>;
        return w.map((x) => x.name).join(', ');
      },
    },
    {
      title: t('library.created'),
      dataIndex: 'create_time',
      width: 170,
      responsive: ['xl'],
      sorter: (a, b) => a.create_time.localeCompare(b.create_time),
    },
    {
      title: t('library.updated'),
      dataIndex: 'update_time',
      width: 170,
      responsive: ['md'],
      sorter: (a, b) => a.update_time.localeCompare(b.update_time),
    },
    {
      title: t('library.actions'),
      key: 'actions',
      // Four small icon buttons, kept in reach at the right edge on a phone.
      width: 132,
      fixed: 'right',
      render: (_v, lib) => (
        <Space size={4}>
          <Tooltip title={t('library.openGallery')}>
            <Button
              size="small"
              icon={<PictureOutlined aria-hidden />}
              aria-label={t('library.openGalleryOf', { name: lib.lib_name })}
              onClick={() => navigate(hrefs.library(lib.lib_id))}
            />
          </Tooltip>
          <Tooltip title={t('import.title')}>
            <Button
              size="small"
              icon={<UploadOutlined aria-hidden />}
              aria-label={t('library.importInto', { name: lib.lib_name })}
              onClick={() => navigate(hrefs.libraryImport(lib.lib_id))}
            />
          </Tooltip>
          <Tooltip title={t('action.edit')}>
            <Button
              size="small"
              icon={<EditOutlined aria-hidden />}
              aria-label={t('library.editOf', { name: lib.lib_name })}
              onClick={() => setParam('library', String(lib.lib_id))}
            />
          </Tooltip>
          <Tooltip title={t('library.delete')}>
            <Button
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('library.deleteOf', { name: lib.lib_name })}
              onClick={() => deleteFlow(lib)}
            />
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <div className="lib-toolbar">
        <Space wrap>
          <Input.Search
            allowClear
            aria-label={t('library.search')}
            placeholder={t('library.search')}
            // antd's own search button is named "search", its icon's name.
            enterButton={<Button icon={<SearchOutlined />} aria-label={t('library.search')} />}
            defaultValue={q}
            onSearch={(v) => setParam('q', v.trim())}
            onChange={(e) => {
              if (e.target.value === '') setParam('q', null);
            }}
            style={{ width: 240 }}
          />
          <Segmented<TypeFilter>
            aria-label={t('library.typeFilter')}
            value={type}
            onChange={(v) => setParam('type', v === 'all' ? null : v)}
            options={[
              { value: 'all', label: t('type.all') },
              { value: '1', label: t('type.black') },
              { value: '2', label: t('type.white') },
            ]}
          />
        </Space>
        <Tooltip title={atLimit ? t('library.limitReached', { max: LIBRARY_COUNT_MAX }) : undefined}>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} disabled={atLimit} onClick={() => setParam('library', 'new')}>
            {t('library.create')}
          </Button>
        </Tooltip>
      </div>
      {list.isError ? (
        <ErrorAlert error={list.error} title={t('library.loadFailed')} />
      ) : (
        <Table<Library>
          rowKey="lib_id"
          columns={columns}
          dataSource={shown}
          loading={list.isPending}
          pagination={false}
          size="middle"
          {...FIT_TABLE}
          locale={{ emptyText: libraries.length === 0 ? t('library.none') : t('library.noMatch') }}
          summary={() =>
            libraries.length > 0 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={columns.length}>
                  <Typography.Text className="lib-muted">
                    {t('library.summary', { count: libraries.length, max: LIBRARY_COUNT_MAX })}
                  </Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
      <LibraryFormModal
        open={formOpen}
        library={editing}
        libraries={libraries}
        onClose={() => setParam('library', null)}
        onSaved={(saved, created) => {
          void message.success(created ? t('library.created.ok', { name: saved.lib_name }) : t('library.saved', { name: saved.lib_name }));
          setParam('library', null);
        }}
      />
    </Card>
  );
}
