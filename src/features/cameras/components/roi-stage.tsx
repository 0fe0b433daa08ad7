// The canvas of the ROI editor (konva): the frame, the region of interest
// (drag on the picture to draw it, drag it to move, handles to resize) and the
// two face-size squares, drawn to scale. All arithmetic is in ../model/roi.ts;
// here screen pixels are turned into frame pixels and back.
import type Konva from 'konva';
import { useEffect, useRef } from 'react';
import { Image as KonvaImage, Layer, Rect, Stage, Text, Transformer } from 'react-konva';
import {
  clampSquare,
  dragBox,
  drawBox,
  fromScreen,
  isFullFrame,
  resizeBox,
  resizeSquare,
  toScreen,
  squareToScreen,
  type Box,
  type FaceBounds,
  type Limit,
  type Point,
  type Size,
  type Square,
} from '../model/roi';

export type Shape = 'roi' | 'min' | 'max';

const COLORS: Record<Shape, string> = { roi: '#2f6bff', min: '#f59e0b', max: '#ec4899' };
/** Below this many screen pixels a press on the picture is a click, not a drawing. */
const DRAW_THRESHOLD_PX = 4;
const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];
const ALL_ANCHORS = [...CORNERS, 'top-center', 'middle-right', 'bottom-center', 'middle-left'];

export interface RoiStageProps {
  frame: Size;
  roiMax: number;
  /** Screen pixels per frame pixel. */
  scale: number;
  image: HTMLImageElement | null;
  placeholder: string;
  /** null: this kind of camera has no ROI (GB28181). */
  roi: Box | null;
  squares: { min: Square; max: Square };
  bounds: { min: FaceBounds; max: FaceBounds };
  labels: { min: string; max: string };
  selected: Shape;
  /** Bigger handles for fingers. */
  coarse: boolean;
  onSelect: (shape: Shape) => void;
  onRoi: (box: Box, limited: Limit | null) => void;
  onSquare: (which: 'min' | 'max', square: Square, limited: Limit | null) => void;
  /** A drawing or a handle drag ended. */
  onCommit?: () => void;
}

export function RoiStage(props: RoiStageProps) {
  const { frame, roiMax, scale, image, placeholder, roi, squares, bounds, labels, selected, coarse, onSelect, onRoi, onSquare, onCommit } =
    props;
  const width = Math.round(frame.width * scale);
  const height = Math.round(frame.height * scale);
  const trRef = useRef<Konva.Transformer>(null);
  const roiRef = useRef<Konva.Rect>(null);
  const minRef = useRef<Konva.Rect>(null);
  const maxRef = useRef<Konva.Rect>(null);
  const nodes = { roi: roiRef, min: minRef, max: maxRef };
  const hasRoi = roi !== null;
  const drawing = useRef<{ start: Point; moved: boolean } | null>(null);
  const lastLimit = useRef<Limit | null>(null);

  // The one transformer follows the selected shape.
  useEffect(() => {
    const tr = trRef.current;
    const node = { roi: roiRef, min: minRef, max: maxRef }[selected].current;
    if (!tr) return;
    tr.nodes(node ? [node] : []);
    tr.getLayer()?.batchDraw();
    // The refs are stable; what changes which node exists (hasRoi) or where it is drawn (width) is listed.
  }, [selected, hasRoi, width]);

  const toFrame = (p: Point): Point => ({ x: p.x / scale, y: p.y / scale });
  const screenBox = (r: { x: number; y: number; width: number; height: number }): Box => fromScreen(r, scale);

  function pointer(e: Konva.KonvaEventObject<PointerEvent>): Point | null {
    const p = e.target.getStage()?.getPointerPosition();
    return p ? toFrame(p) : null;
  }

  function startDrawing(e: Konva.KonvaEventObject<PointerEvent>) {
    if (roi === null) return;
    const name = e.target.name();
    // A region covering the whole frame cannot move: pressing on it draws a new one.
    const onFullRegion = name === 'roi' && isFullFrame(roi, frame);
    if (name !== 'frame' && !onFullRegion && e.target !== e.target.getStage()) return;
    const p = pointer(e);
    if (!p) return;
    drawing.current = { start: p, moved: false };
    onSelect('roi');
  }

  function moveDrawing(e: Konva.KonvaEventObject<PointerEvent>) {
    const d = drawing.current;
    if (!d) return;
    const p = pointer(e);
    if (!p) return;
    if (!d.moved && Math.hypot((p.x - d.start.x) * scale, (p.y - d.start.y) * scale) < DRAW_THRESHOLD_PX) return;
    d.moved = true;
    const r = drawBox(d.start, p, frame, roiMax);
    onRoi(r.value, r.limited);
  }

  function endDrawing() {
    const d = drawing.current;
    drawing.current = null;
    if (!d?.moved || !roi) return;
    // A tiny drawing grows to the smallest region that can catch a face.
    const r = resizeBox(roi, roi, frame, roiMax);
    if (r.limited) onRoi(r.value, r.limited);
    onCommit?.();
  }

  const roiRect = roi ? toScreen(roi, scale) : null;

  const squareProps = (which: 'min' | 'max') => {
    const sq = squares[which];
    const r = squareToScreen(sq, scale);
    return {
      ref: nodes[which],
      name: `face-${which}`,
      ...r,
      stroke: COLORS[which],
      strokeWidth: selected === which ? 3 : 2,
      strokeScaleEnabled: false,
      dash: which === 'min' ? [6, 4] : undefined,
      fill: 'rgba(255,255,255,0.04)',
      draggable: true,
      onPointerDown: () => onSelect(which),
      dragBoundFunc: (pos: Point) => {
        const c = clampSquare({ ...toFrame(pos), size: sq.size }, { min: sq.size, max: sq.size }, frame);
        lastLimit.current = c.limited;
        return { x: c.value.x * scale, y: c.value.y * scale };
      },
      onDragMove: (e: Konva.KonvaEventObject<DragEvent>) => {
        const c = clampSquare({ ...toFrame(e.target.position()), size: sq.size }, { min: sq.size, max: sq.size }, frame);
        onSquare(which, c.value, lastLimit.current);
      },
      onTransform: (e: Konva.KonvaEventObject<Event>) => {
        const node = e.target;
        const side = Math.max(node.width() * node.scaleX(), node.height() * node.scaleY());
        node.scaleX(1);
        node.scaleY(1);
        const c = clampSquare({ ...toFrame(node.position()), size: side / scale }, bounds[which], frame);
        onSquare(which, c.value, lastLimit.current);
      },
      onDragEnd: () => onCommit?.(),
      onTransformEnd: () => onCommit?.(),
    };
  };

  const boundBox = (oldBox: BoxLike, newBox: BoxLike): BoxLike => {
    if (selected === 'roi') {
      const r = resizeBox(screenBox(oldBox), screenBox(newBox), frame, roiMax);
      lastLimit.current = r.limited;
      return { ...toScreen(r.value, scale), rotation: 0 };
    }
    const prev = fromScreen(oldBox, scale);
    const r = resizeSquare({ x: prev.x1, y: prev.y1, size: prev.x2 - prev.x1 }, screenBox(newBox), bounds[selected], frame);
    lastLimit.current = r.limited;
    return { ...squareToScreen(r.value, scale), rotation: 0 };
  };

  return (
    <Stage
      width={width}
      height={height}
      onPointerDown={startDrawing}
      onPointerMove={moveDrawing}
      onPointerUp={endDrawing}
      onPointerLeave={endDrawing}
    >
      <Layer>
        {image ? (
          <KonvaImage name="frame" image={image} x={0} y={0} width={width} height={height} />
        ) : (
          <>
            <Rect name="frame" x={0} y={0} width={width} height={height} fill="#1e293b" />
            <Text
              listening={false}
              x={0}
              y={height / 2 - 10}
              width={width}
              align="center"
              text={placeholder}
              fontSize={16}
              fill="#cbd5e1"
            />
          </>
        )}
        {roiRect && <Shade width={width} height={height} hole={roiRect} />}
        {roiRect && roi && (
          <Rect
            ref={nodes.roi}
            name="roi"
            {...roiRect}
            stroke={COLORS.roi}
            strokeWidth={selected === 'roi' ? 3 : 2}
            strokeScaleEnabled={false}
            fill="rgba(47,107,255,0.08)"
            draggable={!isFullFrame(roi, frame)}
            onPointerDown={() => onSelect('roi')}
            dragBoundFunc={(pos) => {
              const r = dragBox(roi, toFrame(pos), frame);
              lastLimit.current = r.limited;
              return { x: r.value.x1 * scale, y: r.value.y1 * scale };
            }}
            onDragMove={(e) => {
              const r = dragBox(roi, toFrame(e.target.position()), frame);
              onRoi(r.value, lastLimit.current);
            }}
            onDragEnd={() => onCommit?.()}
            onTransform={(e) => {
              const node = e.target;
              const box = screenBox({
                x: node.x(),
                y: node.y(),
                width: node.width() * node.scaleX(),
                height: node.height() * node.scaleY(),
              });
              node.scaleX(1);
              node.scaleY(1);
              onRoi(box, lastLimit.current);
            }}
            onTransformEnd={() => onCommit?.()}
          />
        )}
        <Rect {...squareProps('min')} />
        <Rect {...squareProps('max')} />
        <SquareLabel square={squares.min} scale={scale} text={labels.min} color={COLORS.min} frameWidth={width} />
        <SquareLabel square={squares.max} scale={scale} text={labels.max} color={COLORS.max} frameWidth={width} />
        <Transformer
          ref={trRef}
          rotateEnabled={false}
          flipEnabled={false}
          ignoreStroke
          keepRatio={selected !== 'roi'}
          enabledAnchors={selected === 'roi' ? ALL_ANCHORS : CORNERS}
          anchorSize={coarse ? 18 : 10}
          anchorStroke={COLORS[selected]}
          borderStroke={COLORS[selected]}
          boundBoxFunc={boundBox}
        />
      </Layer>
    </Stage>
  );
}

type BoxLike = { x: number; y: number; width: number; height: number; rotation: number };

/** Darkens what lies outside the region: four bands around the hole. */
function Shade({ width, height, hole }: { width: number; height: number; hole: { x: number; y: number; width: number; height: number } }) {
  const fill = 'rgba(15,23,42,0.45)';
  const right = hole.x + hole.width;
  const bottom = hole.y + hole.height;
  return (
    <>
      <Rect listening={false} x={0} y={0} width={width} height={Math.max(0, hole.y)} fill={fill} />
      <Rect listening={false} x={0} y={bottom} width={width} height={Math.max(0, height - bottom)} fill={fill} />
      <Rect listening={false} x={0} y={hole.y} width={Math.max(0, hole.x)} height={hole.height} fill={fill} />
      <Rect listening={false} x={right} y={hole.y} width={Math.max(0, width - right)} height={hole.height} fill={fill} />
    </>
  );
}

function SquareLabel({
  square,
  scale,
  text,
  color,
  frameWidth,
}: {
  square: Square;
  scale: number;
  text: string;
  color: string;
  frameWidth: number;
}) {
  const x = Math.min(square.x * scale, frameWidth - 90);
  const above = square.y * scale - 18;
  return (
    <Text
      listening={false}
      x={Math.max(0, x)}
      y={above >= 0 ? above : square.y * scale + 4}
      text={text}
      fontSize={13}
      fontStyle="bold"
      fill={color}
      shadowColor="#000"
      shadowBlur={2}
      shadowOpacity={0.8}
    />
  );
}
