import { Button, Table } from 'antd';
import { useSelectAllLabel } from '../../../components/use-select-all-label';
import type { ColumnsType } from 'antd/es/table';
import type { FaceRecord } from '../../../api/protocol/faces';
import { useLibT } from '../messages';
import { personLabel } from './face-grid';
import { FaceThumb } from './face-thumb';

/** One page of faces as a table; paging is the gallery's (server side), not the table's. */
export function FaceTable({
  faces,
  loading,
  selected,
  onToggle,
  onToggleMany,
  onOpen,
}: {
  faces: readonly FaceRecord[];
  loading: boolean;
  selected: ReadonlySet<string>;
  onToggle: (face: FaceRecord, on: boolean) => void;
  onToggleMany: (faces: readonly FaceRecord[], on: boolean) => void;
  onOpen: (face: FaceRecord) => void;
}) {
  const t = useLibT();
  const selectAll = useSelectAllLabel();
  const gender = (g: string) => (g === '0' || g === '1' ? t(`gender.${g}`) : '');
  const columns: ColumnsType<FaceRecord> = [
    {
      title: t('face.photo'),
      key: 'photo',
      width: 64,
      render: (_v, f) => <FaceThumb path={f.img_path} alt="" size={40} />,
    },
    {
      title: t('face.name'),
      dataIndex: 'person_name',
      render: (_v, f) => (
        <Button type="link" className="lib-link-button" onClick={() => onOpen(f)} aria-label={t('face.open', { name: personLabel(f) })}>
          {f.person_name || t('face.noName')}
        </Button>
      ),
    },
    { title: t('face.imgId'), dataIndex: 'img_id', ellipsis: true, responsive: ['lg'] },
    { title: t('face.gender'), dataIndex: 'person_gender', width: 90, render: gender },
    { title: t('face.age'), dataIndex: 'person_age', width: 70 },
    { title: t('face.idcard'), dataIndex: 'person_idcard', ellipsis: true, responsive: ['md'] },
    { title: t('face.addr'), dataIndex: 'person_addr', ellipsis: true, responsive: ['xl'] },
    { title: t('face.created'), dataIndex: 'create_time', width: 170, responsive: ['lg'] },
  ];
  return (
    <Table<FaceRecord>
      rowKey="img_id"
      size="small"
      columns={columns}
      dataSource={faces as FaceRecord[]}
      loading={loading}
      pagination={false}
      rowSelection={{
        ...selectAll,
        selectedRowKeys: faces.filter((f) => selected.has(f.img_id)).map((f) => f.img_id),
        onSelect: (f, on) => onToggle(f, on),
        onSelectAll: (on) => onToggleMany(faces, on),
        getCheckboxProps: (f) => ({ 'aria-label': t('face.select', { name: personLabel(f) }) }),
        columnTitle: undefined,
      }}
    />
  );
}
