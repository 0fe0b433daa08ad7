// Drop, paste or pick one photo. Every file goes to the device, which judges
// it (a text file renamed .jpg gets the device's -1104 in words, not a silent
// drop): the extension list only steers the file picker.
import { InboxOutlined } from '../../../components/icons';
import { Upload } from 'antd';
import { IMAGE_EXTENSIONS } from '../../../api/protocol/limits';
import { useFaceSearchT } from '../messages';

const PICKER_TYPES = ['image/*', ...IMAGE_EXTENSIONS.map((e) => `.${e}`), '.tiff'].join(',');

export function PhotoDrop({
  onFile,
  label,
  pastable = false,
  disabled = false,
  compact = false,
}: {
  onFile: (file: File) => void;
  label?: string;
  /** Only one drop zone on the page should take pasted pictures. */
  pastable?: boolean;
  disabled?: boolean;
  compact?: boolean;
}) {
  const t = useFaceSearchT();
  return (
    <Upload.Dragger
      accept={{ format: PICKER_TYPES, filter: 'native' }}
      multiple={false}
      showUploadList={false}
      fileList={[]}
      pastable={pastable}
      disabled={disabled}
      className={compact ? 'fs-drop fs-drop--compact' : 'fs-drop'}
      beforeUpload={(file) => {
        onFile(file);
        return Upload.LIST_IGNORE;
      }}
    >
      {!compact && (
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
      )}
      <p className="ant-upload-text">{label ?? t('photo.drop')}</p>
      {!compact && <p className="ant-upload-hint">{t('photo.dropHint')}</p>}
    </Upload.Dragger>
  );
}
