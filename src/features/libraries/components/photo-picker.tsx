import { CameraOutlined, InboxOutlined } from '../../../components/icons';
import { Alert, Button, Modal, Space } from 'antd';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { IMAGE_EXTENSIONS } from '../../../api/protocol/limits';
import { isImageExtension } from '../lib/import-rows';
import { useLibT } from '../messages';

const ACCEPT = IMAGE_EXTENSIONS.map((e) => `.${e}`).join(',');

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** A pasted picture often has no useful name ("image.png"): give it one with its type's extension. */
function named(file: File): File {
  if (isImageExtension(extensionOf(file.name))) return file;
  const ext = file.type === 'image/png' ? 'png' : file.type === 'image/bmp' ? 'bmp' : file.type === 'image/tiff' ? 'tif' : 'jpg';
  return new File([file], `pasted-${Date.now()}.${ext}`, { type: file.type });
}

/**
 * A photo by drop, paste (anywhere while open), pick or webcam. Only the types
 * the device takes (§3.7 note 1: jpg, jpeg, png, bmp, tif) pass.
 */
export function PhotoPicker({ onPick, active }: { onPick: (file: File) => void; active: boolean }) {
  const t = useLibT();
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [webcam, setWebcam] = useState(false);

  const take = (file: File | undefined, pasted = false) => {
    if (!file) return;
    const f = pasted ? named(file) : file;
    if (!isImageExtension(extensionOf(f.name))) {
      setRefused(f.name);
      return;
    }
    setRefused(null);
    onPick(f);
  };

  useEffect(() => {
    if (!active) return;
    const onPaste = (e: ClipboardEvent) => {
      const file = Array.from(e.clipboardData?.files ?? []).find((f) => f.type.startsWith('image/'));
      if (!file) return; // Text pasted into a field stays there.
      e.preventDefault();
      take(file, true);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  });

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer.files[0]);
  };

  const canWebcam = typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

  return (
    <div>
      <div
        className={`photo-drop${dragging ? ' photo-drop--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <InboxOutlined className="photo-drop__icon" aria-hidden />
        <p>{t('enrol.dropHint')}</p>
        <p className="lib-muted lib-small">{t('enrol.types', { types: IMAGE_EXTENSIONS.join(', ') })}</p>
        <Space wrap>
          <Button type="primary" onClick={() => input.current?.click()}>
            {t('enrol.pick')}
          </Button>
          <Button icon={<CameraOutlined aria-hidden />} disabled={!canWebcam} onClick={() => setWebcam(true)}>
            {t('enrol.webcam')}
          </Button>
        </Space>
        {!canWebcam && <p className="lib-muted lib-small">{t('enrol.webcamUnavailable')}</p>}
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          aria-label={t('enrol.pick')}
          data-testid="enrol-photo-input"
          onChange={(e) => {
            take(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      {refused && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('enrol.badType', { name: refused, types: IMAGE_EXTENSIONS.join(', ') })}
        />
      )}
      <WebcamModal
        open={webcam}
        onClose={() => setWebcam(false)}
        onCapture={(f) => {
          setWebcam(false);
          take(f);
        }}
      />
    </div>
  );
}

/** getUserMedia where the browser offers it (a secure context); the capture is a JPEG. */
function WebcamModal({ open, onClose, onCapture }: { open: boolean; onClose: () => void; onCapture: (f: File) => void }) {
  const t = useLibT();
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live: MediaStream | null = null;
    let cancelled = false;
    setError(null);
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false })
      .then((s) => {
        if (cancelled) {
          s.getTracks().forEach((tr) => tr.stop());
          return;
        }
        live = s;
        setStream(s);
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().catch(() => undefined);
        }
      })
      .catch((e: unknown) => setError(e instanceof DOMException && e.name === 'NotAllowedError' ? t('webcam.denied') : t('webcam.failed')));
    return () => {
      cancelled = true;
      live?.getTracks().forEach((tr) => tr.stop());
      setStream(null);
    };
  }, [open, t]);

  const capture = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (blob) onCapture(new File([blob], `webcam-${Date.now()}.jpg`, { type: 'image/jpeg' }));
      },
      'image/jpeg',
      0.92,
    );
  };

  return (
    <Modal
      open={open}
      title={t('webcam.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('action.cancel')}
        </Button>,
        <Button key="take" type="primary" disabled={!stream} onClick={capture}>
          {t('webcam.take')}
        </Button>,
      ]}
    >
      {error ? (
        <Alert type="error" showIcon title={error} />
      ) : (
        <video ref={video} className="webcam-video" muted playsInline aria-label={t('webcam.preview')} />
      )}
    </Modal>
  );
}
