import {
  AppstoreOutlined,
  DeleteOutlined,
  DownloadOutlined,
  DownOutlined,
  TableOutlined,
  UploadOutlined,
  UserAddOutlined,
} from '../../../components/icons';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Dropdown, Empty, Pagination, Result, Segmented, Skeleton, Space, Tooltip } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DeviceError } from '../../../api/errors';
import type { FaceRecord } from '../../../api/protocol/faces';
import { ID_LIST_MAX } from '../../../api/protocol/limits';
import { useLang } from '../../../i18n';
import { galleryQueries } from '../api/gallery-queries';
import { libraryQueries } from '../../../api/queries/libraries';
import {
  EMPTY_EXACT,
  faceQueryOf,
  isFiltered,
  lastPage,
  PAGE_SIZES,
  parseGalleryView,
  writeGalleryView,
  type GalleryLayout,
  type GalleryView,
} from '../lib/gallery-view';
import { useLibT } from '../messages';
import { BulkDeleteModal } from './bulk-delete-modal';
import { EnrolDrawer } from './enrol-drawer';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportModal, type ExportRequest } from './export-modal';
import { WholeExportModal } from './whole-export-modal';
import { FaceDrawer } from './face-drawer';
import { FaceGrid } from './face-grid';
import { FaceTable } from './face-table';
import { GallerySearchForm } from './gallery-search';
import { ImportBanner } from './import-banner';
import { LibraryTypeTag } from './library-type-tag';
import { hrefs } from '../../../config/paths';
import { ErrorCode } from '../../../api/protocol/error-codes';
import { usePageArrows } from '../../../components/use-page-arrows';

/**
 * A library's faces: server-side pages of at most 50 (§3.10), as a grid of
 * lazy thumbnails or a table; page, size, layout and search in the URL; the
 * person (?face=) and the enrol form (?enrol=1) too, so a link or a new login
 * lands on the same view.
 */
export function Gallery({ libId }: { libId: number }) {
  const t = useLibT();
  const pageArrows = usePageArrows();
  const lang = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = parseGalleryView(params);
  const request = faceQueryOf(libId, view);
  const libraries = useQuery(libraryQueries.list());
  const library = libraries.data?.find((l) => l.lib_id === libId);
  const page = useQuery({ ...galleryQueries.page(request), meta: { errorHandled: true } });

  // The selection survives paging, not a new search (it would hold people the search no longer shows).
  const [selected, setSelected] = useState<Map<string, FaceRecord>>(() => new Map());
  const searchKey = JSON.stringify(view.search);
  useEffect(() => setSelected(new Map()), [searchKey, libId]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [exportReq, setExportReq] = useState<ExportRequest | null>(null);
  const [exportAll, setExportAll] = useState(false);

  const setView = (next: Partial<GalleryView>, replace = false) =>
    setParams((prev) => writeGalleryView(prev, { ...parseGalleryView(prev), ...next }), { replace });
  const setParam = (name: string, value: string | null, replace = false) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (value === null) p.delete(name);
        else p.set(name, value);
        return p;
      },
      { replace },
    );

  const total = page.data?.total_num ?? 0;
  // A page past the end (after deletions, or from an old link) moves to the last one.
  useEffect(() => {
    if (page.data && !page.isPlaceholderData && total > 0 && view.page > lastPage(total, view.size)) {
      setView({ page: lastPage(total, view.size) }, true);
    }
  });

  const faces = page.data?.record ?? [];
  const selectedSet = useMemo(() => new Set(selected.keys()), [selected]);
  const toggle = (f: FaceRecord, on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(f.img_id, f);
      else next.delete(f.img_id);
      return next;
    });
  const toggleMany = (list: readonly FaceRecord[], on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const f of list) {
        if (on) next.set(f.img_id, f);
        else next.delete(f.img_id);
      }
      return next;
    });

  if (page.error instanceof DeviceError && page.error.code === ErrorCode.LIBRARY_MISSING) {
    return (
      <Result
        status="404"
        title={t('gallery.missing')}
        subTitle={t('gallery.missingHint')}
        extra={<Link to={hrefs.libraries()}>{t('gallery.back')}</Link>}
      />
    );
  }

  const libName = library?.lib_name ?? t('gallery.libraryN', { id: libId });
  const filtered = isFiltered(view.search);
  // The whole library's size: a searched page's total counts only its matches.
  const libraryTotal = filtered ? (library?.picture_no ?? 0) : total;
  const allOnPageSelected = faces.length > 0 && faces.every((f) => selectedSet.has(f.img_id));

  const exportPage = () => {
    // §3.11 pages the whole library and knows no search: a searched page goes by its ids (§3.12).
    if (filtered) setExportReq({ kind: 'chosen', ids: faces.map((f) => f.img_id) });
    else setExportReq({ kind: 'range', start: (view.page - 1) * view.size + 1, len: view.size, total, ask: false });
  };

  return (
    <>
      <Breadcrumb className="lib-breadcrumb" items={[{ title: <Link to={hrefs.libraries()}>{t('section')}</Link> }, { title: libName }]} />
      <div className="gallery-head">
        <h1 className="lib-h1">{libName}</h1>
        {library && <LibraryTypeTag type={library.lib_type} />}
        {library && <span className="lib-muted">{t('gallery.count', { count: library.picture_no.toLocaleString(lang) })}</span>}
        <span className="gallery-head__actions">
          <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setParam('enrol', '1')}>
            {t('enrol.open')}
          </Button>
          <Button icon={<UploadOutlined aria-hidden />} onClick={() => navigate(hrefs.libraryImport(libId))}>
            {t('import.title')}
          </Button>
          <Dropdown
            trigger={['click']}
            autoFocus
            menu={{
              items: [
                { key: 'page', label: t('export.page'), disabled: faces.length === 0 },
                { key: 'range', label: t('export.range'), disabled: filtered || total === 0 },
                { key: 'all', label: t('export.all'), disabled: libraryTotal === 0 },
              ],
              onClick: ({ key }) => {
                if (key === 'page') exportPage();
                else if (key === 'all') setExportAll(true);
                else setExportReq({ kind: 'range', start: (view.page - 1) * view.size + 1, len: view.size, total, ask: true });
              },
            }}
          >
            <Button icon={<DownloadOutlined aria-hidden />}>
              {t('export.button')} <DownOutlined aria-hidden />
            </Button>
          </Dropdown>
        </span>
      </div>

      <ImportBanner libId={libId} />

      <Card className="gallery-card">
        <div className="gallery-toolbar">
          <GallerySearchForm search={view.search} onSearch={(search) => setView({ search, page: 1 })} />
          <Segmented<GalleryLayout>
            aria-label={t('gallery.layout')}
            value={view.layout}
            onChange={(layout) => setView({ layout })}
            options={[
              { value: 'grid', label: t('gallery.grid'), icon: <AppstoreOutlined aria-hidden /> },
              { value: 'table', label: t('gallery.table'), icon: <TableOutlined aria-hidden /> },
            ]}
          />
        </div>

        {selected.size > 0 && (
          <div className="selection-bar" role="region" aria-label={t('selection.label')}>
            <strong>{t('selection.count', { count: selected.size })}</strong>
            <Button size="small" onClick={() => toggleMany(faces, !allOnPageSelected)}>
              {allOnPageSelected ? t('selection.unselectPage') : t('selection.selectPage')}
            </Button>
            <Button size="small" onClick={() => setSelected(new Map())}>
              {t('selection.clear')}
            </Button>
            <Tooltip title={selected.size > ID_LIST_MAX ? t('export.tooMany', { max: ID_LIST_MAX }) : undefined}>
              <Button
                size="small"
                icon={<DownloadOutlined aria-hidden />}
                disabled={selected.size > ID_LIST_MAX}
                onClick={() => setExportReq({ kind: 'chosen', ids: [...selected.keys()] })}
              >
                {t('selection.export')}
              </Button>
            </Tooltip>
            <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={() => setBulkOpen(true)}>
              {t('selection.delete')}
            </Button>
          </div>
        )}

        <div aria-busy={page.isFetching} aria-live="polite" className="gallery-results">
          {page.isError ? (
            <ErrorAlert error={page.error} title={t('gallery.loadFailed')} />
          ) : page.isPending ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : faces.length === 0 ? (
            filtered ? (
              <Empty description={t('gallery.noMatch')}>
                <Button
                  onClick={() =>
                    setView({
                      search: view.search.mode === 'fuzzy' ? { mode: 'fuzzy', key: '' } : { mode: 'exact', fields: { ...EMPTY_EXACT } },
                      page: 1,
                    })
                  }
                >
                  {t('search.clear')}
                </Button>
              </Empty>
            ) : (
              <Empty description={t('gallery.empty')}>
                <Space>
                  <Button type="primary" onClick={() => setParam('enrol', '1')}>
                    {t('enrol.open')}
                  </Button>
                  <Button onClick={() => navigate(hrefs.libraryImport(libId))}>{t('import.title')}</Button>
                </Space>
              </Empty>
            )
          ) : view.layout === 'grid' ? (
            <FaceGrid faces={faces} selected={selectedSet} onToggle={toggle} onOpen={(f) => setParam('face', f.img_id)} />
          ) : (
            <FaceTable
              faces={faces}
              loading={page.isFetching}
              selected={selectedSet}
              onToggle={toggle}
              onToggleMany={toggleMany}
              onOpen={(f) => setParam('face', f.img_id)}
            />
          )}
          {page.isPlaceholderData && <div className="lib-muted lib-small">{t('gallery.loadingPage')}</div>}
        </div>

        {total > 0 && (
          <Pagination
            className="gallery-pager"
            current={view.page}
            pageSize={view.size}
            total={total}
            showSizeChanger
            pageSizeOptions={PAGE_SIZES.map(String)}
            showQuickJumper
            showTotal={(n, [from, to]) =>
              t('gallery.range', { from: from.toLocaleString(lang), to: to.toLocaleString(lang), total: n.toLocaleString(lang) })
            }
            onChange={(p, size) => setView(size !== view.size ? { size, page: 1 } : { page: p })}
            {...pageArrows}
          />
        )}
      </Card>

      <FaceDrawer
        libId={libId}
        imgId={params.get('face')}
        editing={params.get('edit') === '1'}
        onEdit={(on) => setParam('edit', on ? '1' : null)}
        onClose={() =>
          setParams((prev) => {
            const p = new URLSearchParams(prev);
            p.delete('face');
            p.delete('edit');
            return p;
          })
        }
        onDeleted={(id) => {
          toggleMany(
            faces.filter((f) => f.img_id === id),
            false,
          );
          setParams((prev) => {
            const p = new URLSearchParams(prev);
            p.delete('face');
            p.delete('edit');
            return p;
          });
        }}
      />
      <EnrolDrawer libId={libId} libName={libName} open={params.get('enrol') === '1'} onClose={() => setParam('enrol', null)} />
      <BulkDeleteModal
        open={bulkOpen}
        libId={libId}
        libName={libName}
        faces={[...selected.values()]}
        onClose={(deleted) => {
          setBulkOpen(false);
          if (deleted.length) {
            setSelected((prev) => {
              const next = new Map(prev);
              for (const id of deleted) next.delete(id);
              return next;
            });
          }
        }}
      />
      <ExportModal libId={libId} request={exportReq} onClose={() => setExportReq(null)} />
      <WholeExportModal libId={libId} total={libraryTotal} open={exportAll} onClose={() => setExportAll(false)} />
    </>
  );
}
