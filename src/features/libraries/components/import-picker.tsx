import { FileTextOutlined, FolderOpenOutlined, InboxOutlined, PictureOutlined } from '../../../components/icons';
import { Button, Space } from 'antd';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useLang } from '../../../i18n';
import { namingTemplate, saveText } from '../lib/import-report';
import { useLibT } from '../messages';

/** A file dropped inside a folder keeps its folder path, as a folder pick gives it. */
function withPath(file: File, path: string): File {
  if (!path || (file as File & { webkitRelativePath?: string }).webkitRelativePath) return file;
  Object.defineProperty(file, 'webkitRelativePath', { value: path, configurable: true });
  return file;
}

/** Every file of dropped items, folders walked (the entries API; readEntries answers in batches). */
async function droppedFiles(dt: DataTransfer): Promise<File[]> {
  const entries = Array.from(dt.items)
    .map((i) => i.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return Array.from(dt.files);
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      out.push(withPath(file, entry.fullPath.replace(/^\//, '')));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (batch.length === 0) break;
        for (const e of batch) await walk(e);
      }
    }
  };
  for (const e of entries) await walk(e);
  return out;
}

/** Pick many files, a whole folder, or drop either; and the naming template. */
export function ImportPicker({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const t = useLibT();
  const lang = useLang();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState(false);

  // webkitdirectory is not a React attribute: set it on the element.
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
    folderInput.current?.setAttribute('directory', '');
  }, []);

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    setReading(true);
    try {
      onFiles(await droppedFiles(e.dataTransfer));
    } finally {
      setReading(false);
    }
  };

  return (
    <div
      className={`photo-drop import-drop${over ? ' photo-drop--over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <InboxOutlined className="photo-drop__icon" aria-hidden />
      <p>{reading ? t('import.reading') : t('import.dropHint')}</p>
      <Space wrap>
        <Button type="primary" icon={<PictureOutlined aria-hidden />} disabled={disabled} onClick={() => filesInput.current?.click()}>
          {t('import.pickFiles')}
        </Button>
        <Button icon={<FolderOpenOutlined aria-hidden />} disabled={disabled} onClick={() => folderInput.current?.click()}>
          {t('import.pickFolder')}
        </Button>
        <Button
          icon={<FileTextOutlined aria-hidden />}
          onClick={() => saveText(namingTemplate(lang), t('import.templateFile'), 'text/plain;charset=utf-8')}
        >
          {t('import.template')}
        </Button>
      </Space>
      <p className="lib-muted lib-small">{t('import.convention')}</p>
      <p className="lib-muted lib-small">{t('import.groupNote')}</p>
      <input
        ref={filesInput}
        type="file"
        multiple
        hidden
        data-testid="import-files-input"
        onChange={(e) => {
          onFiles(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
      <input
        ref={folderInput}
        type="file"
        multiple
        hidden
        data-testid="import-folder-input"
        onChange={(e) => {
          onFiles(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
    </div>
  );
}
