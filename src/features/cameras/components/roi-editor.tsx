// Over 400 lines on purpose: the canvas and the exact numbers edit one draft and must stay in step.
// The ROI and face-size editor of one video camera (§4.3 camera_roi,
// facesize_min / facesize_max): the canvas, the exact numbers beside it, the
// picture to draw on, save, and the captures that follow a save.
import { UploadOutlined } from '../../../components/icons';
import { Alert, App, Badge, Button, Card, Flex, Form, InputNumber, Progress, Radio, Tag, Typography, Upload } from 'antd';
import { useEffect, useEffectEvent, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { CameraRecord } from '../../../api/protocol/cameras';
import { FACESIZE_MAX, FACESIZE_MIN, ROI_MAX_DEFAULT } from '../../../api/protocol/limits';
import { useLang } from '../../../i18n';
import { useUpdateCamera } from '../api/camera-mutations';
import { checkFaceOrder, checkFaceSize, type Problem } from '../model/camera-form';
import { hasRoi, kindOf } from '../model/camera-kind';
import {
  areaStatus,
  boxArea,
  checkBox,
  clampSquare,
  faceBounds,
  fitScale,
  formatRoi,
  frameSizeFor,
  fullFrame,
  initialSquares,
  MIN_ROI_SIDE,
  nudgeBox,
  nudgeSquare,
  parseRoi,
  resetBox,
  sameBox,
  type Box,
  type BoxProblem,
  type Limit,
  type Point,
  type Square,
} from '../model/roi';
import { LIMIT_VARS, useCameraT } from '../messages';
import { CaptureStrip } from './capture-strip';
import { useErrorLine } from './error-line';
import { useElementWidth, useHtmlImage, useLatestFrame } from './frame-hooks';
import { RoiStage, type Shape } from './roi-stage';
import { useLeaveGuard } from './use-leave-guard';

interface Draft {
  roi: Box | null;
  faceMin: number;
  faceMax: number;
}

type Source = 'pushed' | 'uploaded' | 'empty';

const sameDraft = (a: Draft, b: Draft): boolean =>
  a.faceMin === b.faceMin && a.faceMax === b.faceMax && (a.roi === null ? b.roi === null : b.roi !== null && sameBox(a.roi, b.roi));

/** Fingers need bigger handles. */
const coarsePointer = (): boolean => typeof window !== 'undefined' && window.matchMedia?.('(pointer: coarse)').matches === true;

export function RoiEditor({ camera }: { camera: CameraRecord }) {
  const t = useCameraT();
  const lang = useLang();
  const { message } = App.useApp();
  const errorLine = useErrorLine();
  const update = useUpdateCamera();
  const ids = useId();
  const kind = kindOf(camera);
  const withRoi = hasRoi(kind);
  const roiMax = camera.roi_max ?? ROI_MAX_DEFAULT;
  const frame = frameSizeFor(camera.roi_max);

  // What the device holds, read from the query on every render (never copied).
  const saved: Draft = {
    roi: withRoi ? (parseRoi(camera.camera_roi, frame) ?? fullFrame(frame)) : null,
    faceMin: camera.facesize_min ?? FACESIZE_MIN,
    faceMax: camera.facesize_max ?? FACESIZE_MAX,
  };
  // The user's edit, until saved or undone.
  const [draft, setDraft] = useState<Draft | null>(null);
  const current = draft ?? saved;
  const dirty = draft !== null && !sameDraft(draft, saved);
  const [selected, setSelected] = useState<Shape>(withRoi ? 'roi' : 'max');
  const [limit, setLimit] = useState<Limit | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  // Where the squares sit is only a ruler: kept here, never sent.
  const [spots, setSpots] = useState<{ min: Point; max: Point }>(() => initialSquares(saved.faceMin, saved.faceMax, frame));
  const squares = {
    min: clampSquare({ ...spots.min, size: current.faceMin }, { min: current.faceMin, max: current.faceMin }, frame).value,
    max: clampSquare({ ...spots.max, size: current.faceMax }, { min: current.faceMax, max: current.faceMax }, frame).value,
  };
  const bounds = { min: faceBounds('min', current.faceMax, frame), max: faceBounds('max', current.faceMin, frame) };

  // ---- the picture
  const pushed = useLatestFrame(camera.channel);
  const [upload, setUpload] = useState<{ url: string; name: string } | null>(null);
  const [choice, setChoice] = useState<Source | null>(null);
  useEffect(() => () => (upload ? URL.revokeObjectURL(upload.url) : undefined), [upload]);
  const source: Source =
    choice === 'pushed' && pushed
      ? 'pushed'
      : choice === 'uploaded' && upload
        ? 'uploaded'
        : choice === 'empty'
          ? 'empty'
          : pushed
            ? 'pushed'
            : upload
              ? 'uploaded'
              : 'empty';
  const src = source === 'pushed' ? pushed?.src : source === 'uploaded' ? upload?.url : undefined;
  const picture = useHtmlImage(src);
  const aspectOff =
    picture.image !== null && Math.abs(picture.image.naturalWidth / picture.image.naturalHeight - frame.width / frame.height) > 0.02;

  // ---- the stage's size
  const stageBox = useRef<HTMLDivElement>(null);
  const available = useElementWidth(stageBox);
  const scale = fitScale(frame, { width: available, height: Number.POSITIVE_INFINITY });

  // ---- edits
  function edit(change: (d: Draft) => Draft, limited: Limit | null) {
    setDraft((d) => change(d ?? saved));
    setLimit(limited);
  }
  const onRoi = (box: Box, limited: Limit | null) => edit((d) => ({ ...d, roi: box }), limited);
  const onSquare = (which: 'min' | 'max', sq: Square, limited: Limit | null) => {
    setSpots((s) => ({ ...s, [which]: { x: sq.x, y: sq.y } }));
    edit((d) => (which === 'min' ? { ...d, faceMin: sq.size } : { ...d, faceMax: sq.size }), limited);
  };

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const keys = { key: e.key, shiftKey: e.shiftKey, altKey: e.altKey };
    if (selected === 'roi') {
      if (!current.roi) return;
      const r = nudgeBox(current.roi, keys, frame, roiMax);
      if (!r) return;
      e.preventDefault();
      onRoi(r.value, r.limited);
      return;
    }
    const r = nudgeSquare(squares[selected], keys, bounds[selected], frame);
    if (!r) return;
    e.preventDefault();
    onSquare(selected, r.value, r.limited);
  }

  // ---- the exact numbers
  const [form] = Form.useForm<NumberFields>();
  // One message for the four numbers, not one per field.
  const [boxProblem, setBoxProblem] = useState<BoxProblem | null>(null);
  // A number on screen that is not in the draft (invalid): nothing may be saved while it shows.
  const [numbersInvalid, setNumbersInvalid] = useState(false);
  // Bumped after a save: the numbers show what the device holds, whatever was typed.
  const [syncTick, setSyncTick] = useState(0);
  const showNumbers = useEffectEvent(() => {
    const values: NumberFields = { faceMin: current.faceMin, faceMax: current.faceMax, ...current.roi };
    form.setFieldsValue(values);
    form.setFields(Object.keys(values).map((name) => ({ name: name as keyof NumberFields, errors: [] })));
    setBoxProblem(null);
    setNumbersInvalid(false);
  });
  // Only when the shapes move (or a save lands): a half-typed invalid number stays where the user is typing.
  useEffect(
    () => showNumbers(),
    [current.faceMin, current.faceMax, current.roi?.x1, current.roi?.y1, current.roi?.x2, current.roi?.y2, syncTick],
  );

  function onNumbers(_: Partial<NumberFields>, all: NumberFields) {
    const box = withRoi ? { x1: all.x1 ?? NaN, y1: all.y1 ?? NaN, x2: all.x2 ?? NaN, y2: all.y2 ?? NaN } : null;
    setBoxProblem(box ? checkBox(box, frame, roiMax) : null);
    const faceOk =
      !checkFaceSize(all.faceMin) &&
      !checkFaceSize(all.faceMax) &&
      !checkFaceOrder(all.faceMin, all.faceMax) &&
      all.faceMin != null &&
      all.faceMax != null;
    const boxOk = box === null || checkBox(box, frame, roiMax) === null;
    setNumbersInvalid(!(faceOk && boxOk));
    if (faceOk && boxOk) {
      edit(() => ({ roi: box, faceMin: all.faceMin!, faceMax: all.faceMax! }), null);
    }
  }

  const fmt = (n: number) => n.toLocaleString(lang);
  const limitText = (l: Limit) => t(`limit.${l}`, { ...LIMIT_VARS, max: fmt(roiMax), min: MIN_ROI_SIDE });

  // ---- save
  function save() {
    if (!dirty || numbersInvalid || update.isPending || !draft) return;
    const req: { channel: number; camera_roi?: string; facesize_min?: number; facesize_max?: number } = { channel: camera.channel };
    if (withRoi && draft.roi && saved.roi && !sameBox(draft.roi, saved.roi)) req.camera_roi = formatRoi(draft.roi, frame);
    if (draft.faceMin !== saved.faceMin) req.facesize_min = draft.faceMin;
    if (draft.faceMax !== saved.faceMax) req.facesize_max = draft.faceMax;
    update.mutate(req, {
      onSuccess: () => {
        setDraft(null);
        setLimit(null);
        setSavedAt(Date.now());
        setSyncTick((n) => n + 1);
        message.success(t('roi.saved'));
      },
    });
  }

  function undo() {
    setDraft(null);
    setLimit(null);
    setSyncTick((n) => n + 1);
    update.reset();
  }

  useLeaveGuard(dirty || numbersInvalid);

  const area = current.roi ? boxArea(current.roi) : 0;
  const instructionsId = `${ids}-instructions`;
  const sourceOptions = [
    ...(pushed ? [{ value: 'pushed' as const, label: t('frame.pushed') }] : []),
    ...(upload ? [{ value: 'uploaded' as const, label: t('frame.uploaded') }] : []),
    { value: 'empty' as const, label: t('frame.empty') },
  ];

  return (
    <Flex vertical gap={16}>
      {!withRoi && <Alert type="info" showIcon title={t('roi.gbNoRoi')} />}
      <Card size="small">
        <Flex wrap gap={12} align="center" justify="space-between">
          <Flex wrap gap={12} align="center">
            <Typography.Text strong id={`${ids}-source`}>
              {t('frame.source')}
            </Typography.Text>
            <Radio.Group
              aria-labelledby={`${ids}-source`}
              optionType="button"
              value={source}
              options={sourceOptions}
              onChange={(e) => setChoice(e.target.value as Source)}
            />
            <Upload
              accept="image/jpeg,image/png,image/bmp,image/webp"
              showUploadList={false}
              maxCount={1}
              beforeUpload={(file) => {
                setUpload({ url: URL.createObjectURL(file), name: file.name });
                setChoice('uploaded');
                // Kept in this page only: nothing is uploaded to the device.
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('frame.upload')}</Button>
            </Upload>
          </Flex>
          <Typography.Text type="secondary">{t('roi.frameSize', { width: frame.width, height: frame.height })}</Typography.Text>
        </Flex>
        <Typography.Paragraph type="secondary" className="cameras__source-note" data-testid="frame-source-note">
          {source === 'pushed' && pushed
            ? t('frame.pushedAt', { time: pushed.trigger })
            : source === 'uploaded'
              ? t('frame.uploadedNote')
              : t('frame.emptyNote')}
          {aspectOff ? ` ${t('frame.aspect', { width: frame.width, height: frame.height })}` : ''}
        </Typography.Paragraph>
        {picture.failed && <Alert type="error" showIcon title={t('frame.uploadBad')} />}
      </Card>

      <div className="cameras__editor">
        <div className="cameras__editor-main">
          <Radio.Group
            aria-label={t('roi.shape')}
            className="cameras__shapes"
            value={selected}
            onChange={(e) => setSelected(e.target.value as Shape)}
            options={[
              ...(withRoi ? [{ value: 'roi' as const, label: t('roi.shape.roi') }] : []),
              { value: 'min' as const, label: t('roi.shape.min') },
              { value: 'max' as const, label: t('roi.shape.max') },
            ]}
          />
          <div
            ref={stageBox}
            className="cameras__stage"
            role="application"
            tabIndex={0}
            aria-label={t('roi.editorLabel')}
            aria-describedby={instructionsId}
            onKeyDown={onKeyDown}
            data-testid="roi-stage"
            // Where the shapes are, in frame pixels: for tests that drag them as a user would.
            data-scale={scale}
            data-min-square={`${squares.min.x},${squares.min.y},${squares.min.size}`}
            data-max-square={`${squares.max.x},${squares.max.y},${squares.max.size}`}
          >
            {scale > 0 && (
              <RoiStage
                frame={frame}
                roiMax={roiMax}
                scale={scale}
                image={picture.image}
                placeholder={t('frame.placeholder', { width: frame.width, height: frame.height })}
                roi={current.roi}
                squares={squares}
                bounds={bounds}
                labels={{ min: t('roi.minLabel', { size: current.faceMin }), max: t('roi.maxLabel', { size: current.faceMax }) }}
                selected={selected}
                coarse={coarsePointer()}
                onSelect={setSelected}
                onRoi={onRoi}
                onSquare={onSquare}
              />
            )}
          </div>
          <Typography.Paragraph type="secondary" id={instructionsId} className="cameras__small">
            {t('roi.instructions')}
          </Typography.Paragraph>
          <p role="status" aria-live="polite" className="cameras__limit" data-testid="roi-limit">
            {limit ? limitText(limit) : ''}
          </p>
        </div>

        <Card size="small" className="cameras__editor-side">
          <Form<NumberFields> form={form} layout="vertical" onValuesChange={onNumbers} aria-label={t('roi.editorLabel')}>
            {withRoi && (
              <>
                <Typography.Title level={2} className="cameras__h3">
                  {t('roi.region')} {current.roi && frame && sameBox(current.roi, fullFrame(frame)) ? <Tag>{t('roi.full')}</Tag> : null}
                </Typography.Title>
                <div className="cameras__grid2">
                  <Form.Item name="x1" label={t('roi.x1')} validateStatus={boxProblem ? 'error' : undefined}>
                    <InputNumber controls={false} className="cameras__num" />
                  </Form.Item>
                  <Form.Item name="y1" label={t('roi.y1')} validateStatus={boxProblem ? 'error' : undefined}>
                    <InputNumber controls={false} className="cameras__num" />
                  </Form.Item>
                  <Form.Item name="x2" label={t('roi.x2')} validateStatus={boxProblem ? 'error' : undefined}>
                    <InputNumber controls={false} className="cameras__num" />
                  </Form.Item>
                  <Form.Item name="y2" label={t('roi.y2')} validateStatus={boxProblem ? 'error' : undefined}>
                    <InputNumber controls={false} className="cameras__num" />
                  </Form.Item>
                </div>
                {boxProblem && (
                  <Typography.Paragraph type="danger" role="alert" className="cameras__box-problem">
                    {t(`box.${boxProblem}`, { width: frame.width, height: frame.height, max: fmt(roiMax), min: MIN_ROI_SIDE })}
                  </Typography.Paragraph>
                )}
                <Typography.Text data-testid="roi-area">{t('roi.area', { area: fmt(area), max: fmt(roiMax) })}</Typography.Text>
                <Progress
                  percent={Math.round((area / roiMax) * 100)}
                  size="small"
                  showInfo={false}
                  aria-label={t('roi.areaLabel')}
                  status={areaStatus(area, roiMax)}
                />
                <Button block onClick={() => onRoi(resetBox(frame, roiMax), null)} className="cameras__reset">
                  {t('roi.reset')}
                </Button>
              </>
            )}
            <Typography.Title level={2} className="cameras__h3">
              {t('roi.faceSizes')}
            </Typography.Title>
            <div className="cameras__grid2">
              <Form.Item
                name="faceMin"
                label={t('form.faceMin')}
                rules={[{ validator: async (_, v: number | null) => assertOk(checkFaceSize(v ?? undefined), t) }]}
              >
                <InputNumber controls={false} className="cameras__num" />
              </Form.Item>
              <Form.Item
                name="faceMax"
                label={t('form.faceMax')}
                dependencies={['faceMin']}
                rules={[
                  { validator: async (_, v: number | null) => assertOk(checkFaceSize(v ?? undefined), t) },
                  ({ getFieldValue }) => ({
                    validator: async (_, v: number | null) => assertOk(checkFaceOrder(getFieldValue('faceMin') as number | null, v), t),
                  }),
                ]}
              >
                <InputNumber controls={false} className="cameras__num" />
              </Form.Item>
            </div>
            <Typography.Paragraph type="secondary" className="cameras__small">
              {t('roi.faceNote')}
            </Typography.Paragraph>
          </Form>

          {update.error && !update.isPending && (
            <Alert type="error" showIcon role="alert" title={t('roi.failed')} description={errorLine(update.error)} />
          )}
          <Flex gap={8} justify="flex-end" align="center" wrap className="cameras__form-actions">
            {/* The dot's colour repeats the words; the words keep the text's own contrast. */}
            <span role="status">
              <Badge
                status={numbersInvalid ? 'error' : dirty ? 'warning' : 'default'}
                text={
                  <span data-testid="roi-dirty">{numbersInvalid ? t('roi.invalid') : dirty ? t('roi.dirty') : t('roi.unchanged')}</span>
                }
              />
            </span>
            <Button onClick={undo} disabled={(!dirty && !numbersInvalid) || update.isPending}>
              {t('roi.discard')}
            </Button>
            <Button
              type="primary"
              onClick={save}
              disabled={!dirty || numbersInvalid}
              loading={update.isPending}
              aria-busy={update.isPending}
            >
              {t('roi.save')}
            </Button>
          </Flex>
        </Card>
      </div>

      <CaptureStrip channel={camera.channel} since={savedAt} />
    </Flex>
  );
}

interface NumberFields {
  x1?: number | null;
  y1?: number | null;
  x2?: number | null;
  y2?: number | null;
  faceMin: number | null;
  faceMax: number | null;
}

async function assertOk(problem: Problem | null, t: ReturnType<typeof useCameraT>): Promise<void> {
  if (problem) throw new Error(t(problem, LIMIT_VARS));
}
