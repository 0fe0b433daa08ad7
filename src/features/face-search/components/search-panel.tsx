// 1:N (§5.1): one photo, every face found in it (782), the user's pick when
// there are several, then the ranked matches. A photo the device refuses
// leaves the previous photo, its pick and its results in place.
import { SearchOutlined } from '../../../components/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, InputNumber, Row, Select, Slider, Space, Typography } from 'antd';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { ID_LIST_MAX, THRESHOLD_MAX, THRESHOLD_MIN, TOPK_MAX } from '../../../api/protocol/limits';
import { faceSearchQueries } from '../api/face-search-queries';
import { useExaminePhoto, useSearchFace, useSearchOnNodes, type ExaminedPhoto, type PhotoSource } from '../api/recognition';
import { NodeTargets, useTargetNodes } from '../../../components/node-targets/node-targets';
import { useNodeLibraries } from '../../../api/queries/node-libraries';
import { nodeLabel } from '../../../session/node-store';
import { libraryChoices, libraryIdsOn, type NodeTarget } from '../model/across-nodes';
import { useFaceSearchT } from '../messages';
import { ErrorAlert } from './error-alert';
import { FacePicker, faceBoxes } from '../../../components/face-picker/face-picker';
import { FacePhoto } from '../../../components/face-picker/face-photo';
import { MatchList } from './match-list';
import { PhotoDrop } from './photo-drop';

interface Settings {
  libIds: number[];
  /** Across nodes: libraries by name and type (model/across-nodes.ts libKey). */
  libKeys: string[];
  threshold: number;
  topk: number;
}

/** Our defaults: 60 is where the engine stops calling two faces alike (see model/score-reading.ts). */
export const DEFAULT_SETTINGS: Settings = { libIds: [], libKeys: [], threshold: 60, topk: 10 };

export function SearchPanel({ snap }: { snap: string | null }) {
  const t = useFaceSearchT();
  const [form] = Form.useForm<Settings>();
  const libraries = useQuery(faceSearchQueries.libraries());
  const examine = useExaminePhoto();
  const search = useSearchFace();
  const [photo, setPhoto] = useState<ExaminedPhoto | null>(null);
  const [face, setFace] = useState(0);

  const allIds = (libraries.data ?? []).map((l) => l.lib_id);

  // Fleet mode: the nodes to search (the node shown by default: then it is today's search).
  const fleet = useTargetNodes();
  const searchMany = useSearchOnNodes();
  const [targets, setTargets] = useState<string[]>(() => (fleet ? [fleet.shown] : []));
  const others = useNodeLibraries(fleet ? targets.filter((n) => n !== fleet.shown) : []);
  const many = fleet !== null && !(targets.length === 1 && targets[0] === fleet.shown);
  const listOf = (n: string) => (n === fleet?.shown ? { data: libraries.data, error: libraries.error ?? undefined } : others(n));
  const choices = many ? libraryChoices(targets.map((n) => listOf(n).data ?? [])) : [];
  const readingLists = many && targets.some((n) => !listOf(n).data && !listOf(n).error);
  const noLibraries = many ? !readingLists && choices.length === 0 : libraries.isSuccess && allIds.length === 0;

  const run = (p: ExaminedPhoto, faceIndex: number, values: Settings) => {
    if (many) {
      const nodes = targets.map((node): NodeTarget => {
        const l = listOf(node);
        return l.data ? { node, libIds: libraryIdsOn(l.data, values.libKeys ?? []) } : { node, error: l.error };
      });
      searchMany.mutate({
        photo: p,
        face: faceIndex,
        nodes,
        libKeys: values.libKeys ?? [],
        settings: { threshold: values.threshold, topk: values.topk },
      });
      return;
    }
    const ids = values.libIds.length > 0 ? values.libIds : allIds.slice(0, ID_LIST_MAX);
    if (ids.length === 0) return;
    search.mutate({ photo: p, face: faceIndex, settings: { libIds: ids.join(','), threshold: values.threshold, topk: values.topk } });
  };

  const take = (source: PhotoSource) => {
    examine.mutate(source, {
      onSuccess: (p) => {
        setPhoto(p);
        setFace(0);
        // From a snapshot or an alarm: the user asked for this face, search at once.
        if (p.fromDevice && p.faces.length === 1 && allIds.length > 0) run(p, 0, { ...DEFAULT_SETTINGS, ...form.getFieldsValue() });
      },
    });
  };

  // A probe named in the URL (?snap=), once per path.
  const taken = useRef<string | null>(null);
  // take changes every render; the effect reads its latest version.
  const takeSnap = useEffectEvent((path: string) => take({ kind: 'device', path }));
  useEffect(() => {
    if (!snap || taken.current === snap || libraries.isPending) return;
    taken.current = snap;
    takeSnap(snap);
    // Once per snap, after the libraries are known or failed.
  }, [snap, libraries.isPending]);

  const result = !many && search.data && photo && search.data.photoId === photo.id ? search.data : null;
  const merged = many && searchMany.data && photo && searchMany.data.photoId === photo.id ? searchMany.data : null;
  const several = (photo?.faces.length ?? 0) > 1;
  const libsChosen = Form.useWatch('libIds', form) ?? [];
  const tried = examine.variables;
  const triedName = tried ? (tried.kind === 'file' ? tried.file.name : tried.path) : '';

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={13}>
        <Card title={t('mode.search')} size="small">
          <Space orientation="vertical" size="middle" className="fs-stack">
            <PhotoDrop
              onFile={(file) => take({ kind: 'file', file })}
              pastable
              label={photo ? t('photo.replace') : undefined}
              compact={photo !== null}
            />
            {examine.isPending && (
              <Typography.Text role="status" type="secondary">
                {t('photo.checking')}
              </Typography.Text>
            )}
            {examine.isError && (
              <ErrorAlert
                error={examine.error}
                title={t('photo.rejected', { name: triedName })}
                extra={photo ? t('photo.kept') : undefined}
              />
            )}
            {photo && (
              <>
                {several ? (
                  <FacePicker
                    file={photo.file}
                    alt={t('photo.alt')}
                    faces={photo.faces}
                    selected={face}
                    onSelect={setFace}
                    prompt={t('photo.pickFace', { n: photo.faces.length })}
                    faceLabel={(n, quality) => t('photo.faceQuality', { n, quality })}
                  />
                ) : (
                  <>
                    <FacePhoto file={photo.file} alt={t('photo.alt')} boxes={faceBoxes(photo.faces)} />
                    {photo.faces[0] && <Typography.Text>{t('photo.oneFace', { quality: photo.faces[0].quality })}</Typography.Text>}
                  </>
                )}
                {photo.fromDevice && (
                  <Typography.Text type="secondary" className="fs-small">
                    {t('photo.fromDevice', { path: photo.fromDevice })}
                  </Typography.Text>
                )}
              </>
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={11}>
        <Card title={t('settings.title')} size="small">
          {noLibraries && <Alert type="warning" showIcon title={t('settings.noLibraries')} />}
          {libraries.isError && <ErrorAlert error={libraries.error} />}
          <Form<Settings>
            form={form}
            layout="vertical"
            initialValues={DEFAULT_SETTINGS}
            onFinish={(values) => photo && run(photo, face, values)}
          >
            {fleet && (
              <NodeTargets
                value={targets}
                disabled={searchMany.isPending}
                onChange={(next) => {
                  setTargets(next);
                  form.setFieldValue('libKeys', []);
                }}
              />
            )}
            <Form.Item name="libKeys" label={t('nodes.libraries')} hidden={!many}>
              <Select
                mode="multiple"
                allowClear
                options={choices.map((c) => ({
                  value: c.key,
                  label: t('nodes.libOn', { name: c.name, type: t(`type.${c.type === 1 ? 1 : 2}`), n: c.nodes, total: targets.length }),
                }))}
                optionFilterProp="label"
                placeholder={t('nodes.librariesAll')}
                loading={readingLists}
              />
            </Form.Item>
            <Form.Item
              name="libIds"
              hidden={many}
              label={t('settings.libraries')}
              extra={
                libsChosen.length === 0 && allIds.length > ID_LIST_MAX
                  ? t('settings.librariesCapped', { n: ID_LIST_MAX, max: ID_LIST_MAX })
                  : undefined
              }
              rules={[{ type: 'array', max: ID_LIST_MAX, message: t('settings.librariesMax', { max: ID_LIST_MAX }) }]}
            >
              <Select
                mode="multiple"
                allowClear
                maxCount={ID_LIST_MAX}
                options={(libraries.data ?? []).map((l) => ({
                  value: l.lib_id,
                  label: `${l.lib_name} · ${t(`type.${l.lib_type === 1 ? 1 : 2}`)}`,
                }))}
                optionFilterProp="label"
                // Nothing chosen means every library: said in the box, so it never looks empty.
                placeholder={
                  allIds.length > 0 && allIds.length <= ID_LIST_MAX ? t('settings.librariesAll', { n: allIds.length }) : undefined
                }
                loading={libraries.isPending}
              />
            </Form.Item>
            <Form.Item
              label={t('settings.threshold')}
              extra={t('settings.thresholdHelp', { min: THRESHOLD_MIN, max: THRESHOLD_MAX })}
              required
            >
              <div className="fs-slider-row">
                <Form.Item name="threshold" noStyle>
                  <Slider min={THRESHOLD_MIN} max={THRESHOLD_MAX} className="fs-slider" ariaLabelForHandle={t('settings.threshold')} />
                </Form.Item>
                <Form.Item
                  name="threshold"
                  noStyle
                  rules={[
                    {
                      required: true,
                      type: 'integer',
                      min: THRESHOLD_MIN,
                      max: THRESHOLD_MAX,
                      message: t('settings.thresholdHelp', { min: THRESHOLD_MIN, max: THRESHOLD_MAX }),
                    },
                  ]}
                >
                  <InputNumber min={THRESHOLD_MIN} max={THRESHOLD_MAX} precision={0} aria-label={t('settings.threshold')} />
                </Form.Item>
              </div>
            </Form.Item>
            <Form.Item
              name="topk"
              label={t('settings.topk')}
              extra={t('settings.topkHelp', { max: TOPK_MAX })}
              rules={[{ required: true, type: 'integer', min: 1, max: TOPK_MAX, message: t('settings.topkHelp', { max: TOPK_MAX }) }]}
            >
              <InputNumber min={1} max={TOPK_MAX} precision={0} />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SearchOutlined aria-hidden />}
              loading={search.isPending || searchMany.isPending}
              disabled={!photo || noLibraries || examine.isPending || (many && (targets.length === 0 || readingLists))}
            >
              {many ? t('nodes.search', { n: targets.length }) : several ? t('settings.searchFace', { n: face + 1 }) : t('settings.search')}
            </Button>
            {!photo && (
              <Typography.Paragraph type="secondary" className="fs-note">
                {t('settings.needPhoto')}
              </Typography.Paragraph>
            )}
          </Form>
        </Card>
      </Col>
      <Col span={24}>
        {!many && search.isError && <ErrorAlert error={search.error} />}
        {merged && (
          <Card
            size="small"
            title={
              <span role="heading" aria-level={2}>
                {t('results.title')}
              </span>
            }
          >
            <Typography.Paragraph>
              {t('nodes.for', {
                n: merged.results.length,
                libs: merged.job.libKeys.length === 0 ? t('results.libsAll') : t('results.libsSome', { n: merged.job.libKeys.length }),
                threshold: merged.job.settings.threshold,
                topk: merged.job.settings.topk,
              })}
            </Typography.Paragraph>
            {several && merged.face !== face && <Alert type="info" showIcon title={t('results.stale')} className="fs-note" />}
            <Space orientation="vertical" className="fs-stack">
              {merged.results.map((r) => {
                const name = nodeLabel(r.node);
                if (r.kind === 'failed') return <ErrorAlert key={r.node} error={r.error} title={t('nodes.failed', { node: name })} />;
                if (r.kind === 'no-library')
                  return <Alert key={r.node} type="warning" showIcon title={t('nodes.noLibrary', { node: name })} />;
                return null;
              })}
              {merged.hits.length === 0 ? (
                <Alert type="info" showIcon title={t('results.none', { threshold: merged.job.settings.threshold })} />
              ) : (
                <MatchList matches={merged.hits} />
              )}
            </Space>
          </Card>
        )}
        {result && (
          <Card
            size="small"
            title={
              <span role="heading" aria-level={2}>
                {t('results.title')}
              </span>
            }
          >
            <Typography.Paragraph>
              {several
                ? t('results.for', {
                    n: result.face + 1,
                    libs: libsLabel(t, result.settings.libIds, allIds),
                    threshold: result.settings.threshold,
                  })
                : t('results.forOne', { libs: libsLabel(t, result.settings.libIds, allIds), threshold: result.settings.threshold })}
              {' · '}
              {t('results.quality', { quality: result.answer.in_pic.quality })}
            </Typography.Paragraph>
            {several && result.face !== face && <Alert type="info" showIcon title={t('results.stale')} className="fs-note" />}
            {result.answer.topn.length === 0 ? (
              <Alert type="info" showIcon title={t('results.none', { threshold: result.settings.threshold })} />
            ) : (
              <MatchList matches={result.answer.topn} />
            )}
          </Card>
        )}
      </Col>
    </Row>
  );
}

function libsLabel(t: ReturnType<typeof useFaceSearchT>, ids: string, all: readonly number[]): string {
  const n = ids.split(',').length;
  return n >= Math.min(all.length, ID_LIST_MAX) ? t('results.libsAll') : t('results.libsSome', { n });
}
