// Every channel of the model with its camera or "free" (§4.1). Device text is
// rendered as text only; passwords and URLs (which may hold one) are not shown.
import { DeleteOutlined, EditOutlined, PlusOutlined, ScanOutlined } from '../../../components/icons';
import { Badge, Button, Flex, Grid, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { CameraRecord } from '../../../api/protocol/cameras';
import type { Library } from '../../../api/protocol/libraries';
import { isVideo, kindOf, parseLibIds, type ChannelRow } from '../model/camera-kind';
import { useCameraT } from '../messages';
import { RouterLinkButton } from './router-link-button';
import { FIT_TABLE, WIDE_ONLY } from '../../../components/table-fit';
import { hrefs } from '../../../config/paths';

export interface CameraTableProps {
  rows: readonly ChannelRow[];
  libraries: readonly Library[] | undefined;
  loading: boolean;
  onAdd: (channel: number) => void;
  onEdit: (camera: CameraRecord) => void;
  onDelete: (camera: CameraRecord) => void;
}

export function CameraTable({ rows, libraries, loading, onAdd, onEdit, onDelete }: CameraTableProps) {
  const t = useCameraT();
  // Fixed widths (tableLayout fixed): a long name or list of libraries wraps instead of pushing
  // status, threshold and libraries off a tablet's screen.
  const wide = Grid.useBreakpoint().xl === true;
  const libById = new Map((libraries ?? []).map((l) => [l.lib_id, l]));
  const libTypeName = (type: number) => (type === 1 || type === 2 ? t(`libType.${type}`) : t('libType.other', { type }));

  const columns: TableColumnsType<ChannelRow> = [
    {
      title: t('col.channel'),
      dataIndex: 'channel',
      // "Channel" needs 71 px in English; a narrower width was widened by the table, past a portrait tablet's 640.
      width: 72,
      fixed: 'left',
      render: (channel: number) => <span className="cameras__channel">{channel}</span>,
    },
    {
      title: t('col.name'),
      key: 'name',
      // 128 below xl: with the other columns it is 634 px, inside a portrait tablet's 640 (no sideways scroll).
      width: wide ? 200 : 128,
      render: (_, row) =>
        row.camera ? (
          <Flex vertical gap={2}>
            <Typography.Text strong>{row.camera.camera_name}</Typography.Text>
            {/* Kind and position have their own columns on wide screens only. */}
            <Typography.Text type="secondary" className="cameras__small cameras__narrow-only">
              {[kindOf(row.camera) ? t(`kind.${kindOf(row.camera)!}`) : t('kind.unknown'), row.camera.position].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('channel.free')}</Typography.Text>
        ),
    },
    {
      title: t('col.kind'),
      key: 'kind',
      width: 150,
      responsive: [...WIDE_ONLY],
      render: (_, row) => {
        if (!row.camera) return null;
        const kind = kindOf(row.camera);
        return (
          <Flex vertical gap={2}>
            <span>{kind ? t(`kind.${kind}`) : t('kind.unknown')}</span>
            {kind === 'IMAGE' && row.camera.vendor && (
              <Typography.Text type="secondary" className="cameras__small">
                {row.camera.vendor}
                {row.camera.product ? ` · ${row.camera.product}` : ''}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    { title: t('col.position'), key: 'position', width: 170, responsive: [...WIDE_ONLY], render: (_, row) => row.camera?.position || null },
    {
      title: t('col.status'),
      key: 'status',
      width: 84,
      render: (_, row) =>
        row.camera ? (
          <Badge
            status={row.camera.status === 1 ? 'success' : 'error'}
            text={row.camera.status === 1 ? t('status.online') : t('status.offline')}
          />
        ) : null,
    },
    { title: t('col.threshold'), key: 'threshold', width: 84, render: (_, row) => row.camera?.threshold ?? null },
    {
      title: t('col.libraries'),
      key: 'libraries',
      // Tags wrap within it.
      width: wide ? 200 : 150,
      render: (_, row) => {
        if (!row.camera) return null;
        const ids = parseLibIds(row.camera.lib_ids);
        if (ids.length === 0) return <Typography.Text type="secondary">{t('libraries.none')}</Typography.Text>;
        return (
          <Flex wrap gap={4}>
            {ids.map((id) => {
              const lib = libById.get(id);
              return (
                <Tag key={id} title={lib ? libTypeName(lib.lib_type) : undefined}>
                  {lib && <span aria-hidden className={`cameras__lib-dot cameras__lib-dot--${lib.lib_type}`} />}
                  {lib ? lib.lib_name : t('library.missing', { id })}
                </Tag>
              );
            })}
          </Flex>
        );
      },
    },
    {
      title: t('col.snap'),
      key: 'snap',
      width: 120,
      responsive: [...WIDE_ONLY],
      render: (_, row) => {
        const mode = row.camera?.snap_mode;
        if (!row.camera || !isVideo(kindOf(row.camera)) || (mode !== 1 && mode !== 2 && mode !== 3)) return null;
        return (
          <Tooltip title={t(`snap.help.${mode}`)}>
            <span>{t(`snap.${mode}`)}</span>
          </Tooltip>
        );
      },
    },
    {
      title: t('col.actions'),
      key: 'actions',
      fixed: 'right',
      // Below xl the buttons are their icons (cameras.css).
      width: wide ? 330 : 116,
      render: (_, row) => {
        const cam = row.camera;
        if (!cam) {
          return (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => onAdd(row.channel)}
              aria-label={t('action.addHereLabel', { channel: row.channel })}
              title={t('action.addHere')}
              className="cameras__action"
            >
              {t('action.addHere')}
            </Button>
          );
        }
        const video = isVideo(kindOf(cam));
        return (
          <Flex gap={4}>
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => onEdit(cam)}
              aria-label={t('action.editLabel', { name: cam.camera_name })}
              title={t('action.edit')}
              className="cameras__action"
            >
              {t('action.edit')}
            </Button>
            {video && (
              <RouterLinkButton
                size="small"
                to={hrefs.cameraRoi(cam.channel)}
                icon={<ScanOutlined />}
                aria-label={t('action.roiLabel', { name: cam.camera_name })}
                title={t('action.roi')}
                className="cameras__action"
              >
                {t('action.roi')}
              </RouterLinkButton>
            )}
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              onClick={() => onDelete(cam)}
              aria-label={t('action.deleteLabel', { name: cam.camera_name })}
              title={t('action.delete')}
              className="cameras__action"
            >
              {t('action.delete')}
            </Button>
          </Flex>
        );
      },
    },
  ];

  return (
    <Table<ChannelRow>
      rowKey="channel"
      size="middle"
      columns={columns}
      dataSource={rows as ChannelRow[]}
      loading={loading}
      pagination={false}
      {...FIT_TABLE}
      tableLayout="fixed"
    />
  );
}
