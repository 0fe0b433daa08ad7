// What the records page of one node and the search across nodes share: the
// view in the URL, the selection of the rows shown, the title's actions
// (refresh, export, delete-all), the selection bar and the tabs.
import { Button, Dropdown, Space, Tabs, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ID_LIST_MAX } from '../../../api/protocol/limits';
import { DeleteOutlined, DownOutlined, ExportOutlined, ReloadOutlined } from '../../../components/icons';
import { PageTitle } from '../../../components/page-title';
import { useT } from '../../../i18n';
import { readView, RECORD_TABS, writeView, type RecordTab, type RecordView } from '../model/record-view';
import { useRecordsT } from '../messages';
import type { ExportWhat } from './export-dialog';

/** The filters, tab, page and open record, kept in the URL. */
export function useRecordView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readView(params), [params]);
  const go = (next: RecordView) => setParams(writeView(next));
  return { view, go };
}

/**
 * The selection is what the user ticked on the rows shown: a new tab, filter,
 * time range, page or page size (anything in `key`) clears it (going back does
 * not bring it back), and a refresh keeps only the ticked rows still shown.
 * Exporting records nobody can see any more surprised users.
 */
export function useRowSelection(key: string, isShown: (id: string) => boolean) {
  const [selection, setSelection] = useState<{ key: string; ids: string[] }>({ key, ids: [] });
  if (selection.key !== key) setSelection({ key, ids: [] });
  const selected = selection.key === key ? selection.ids.filter(isShown) : [];
  return { selected, select: (ids: string[]) => setSelection({ key, ids }), clear: () => setSelection({ key, ids: [] }) };
}

export function SelectionBar({ n, onClear }: { n: number; onClear: () => void }) {
  const t = useRecordsT();
  if (n === 0) return null;
  return (
    <Space className="records-selection">
      <Typography.Text>{t('list.selected', { n, max: ID_LIST_MAX })}</Typography.Text>
      <Button size="small" onClick={onClear}>
        {t('list.clearSelection')}
      </Button>
    </Space>
  );
}

/** The page's title with Refresh, the export menu and (where it may) the delete-all. */
export function RecordsTitle({
  total,
  selected,
  onRefresh,
  onExport,
  onDelete,
}: {
  /** total_num of the search (0: nothing to export). */
  total: number;
  selected: number;
  onRefresh: () => void;
  onExport: (what: ExportWhat) => void;
  /** Absent: no delete-all here. */
  onDelete?: () => void;
}) {
  const t = useRecordsT();
  const tApp = useT();
  return (
    <PageTitle
      extra={
        <Space wrap>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={onRefresh}>
            {t('list.refresh')}
          </Button>
          {/* Like every export: the item clicked says what, and the export starts at once. */}
          <Dropdown
            trigger={['click']}
            autoFocus
            disabled={total === 0}
            menu={{
              items: [
                { key: 'filtered', label: t('export.filtered', { total }) },
                {
                  key: 'chosen',
                  label: selected > 0 ? t('export.chosen', { n: selected }) : t('export.chosenNone', { max: ID_LIST_MAX }),
                  disabled: selected === 0,
                },
              ],
              onClick: ({ key }) => onExport(key as ExportWhat),
            }}
          >
            <Button icon={<ExportOutlined aria-hidden />} disabled={total === 0}>
              {t('export.button')} <DownOutlined aria-hidden />
            </Button>
          </Dropdown>
          {onDelete && (
            <Button danger icon={<DeleteOutlined aria-hidden />} onClick={onDelete}>
              {t('delete.button')}
            </Button>
          )}
        </Space>
      }
    >
      {tApp('nav.records')}
    </PageTitle>
  );
}

/** The tab's words. */
export function useTabLabel() {
  const t = useRecordsT();
  return (tab: RecordTab) => t(`tab.${tab}`);
}

/** One tab per kind of record; only the open one holds the content. */
export function RecordTabs({ tab, onChange, children }: { tab: RecordTab; onChange: (tab: RecordTab) => void; children: ReactNode }) {
  const tabLabel = useTabLabel();
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => onChange(k as RecordTab)}
      destroyOnHidden
      items={RECORD_TABS.map((k) => ({ key: k, label: tabLabel(k), children: k === tab ? children : null }))}
    />
  );
}
