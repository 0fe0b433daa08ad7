// Every antd icon the console uses, decorative by default. @ant-design/icons
// draws each as role="img" with its own name for a label ("pause-circle",
// "sound"), so a button with an icon and words was announced as "pause-circle
// Pause" (issue 14). Here each is aria-hidden unless given its own aria-label;
// the words of the button (or its aria-label) name it. Import icons from here,
// never from @ant-design/icons (the lint says so); add new ones below.
import * as Ant from '@ant-design/icons';
import type { AntdIconProps } from '@ant-design/icons/lib/components/AntdIcon';
import { forwardRef, type ComponentType, type ForwardRefExoticComponent, type RefAttributes } from 'react';

type Icon = ForwardRefExoticComponent<Omit<AntdIconProps, 'ref'> & RefAttributes<HTMLSpanElement>>;

function decorative(Base: ComponentType<AntdIconProps & RefAttributes<HTMLSpanElement>>, name: string): Icon {
  const Decorative = forwardRef<HTMLSpanElement, Omit<AntdIconProps, 'ref'>>((props, ref) => (
    <Base aria-hidden={props['aria-label'] === undefined ? true : undefined} {...props} ref={ref} />
  ));
  Decorative.displayName = name;
  return Decorative;
}

export const AlertOutlined = decorative(Ant.AlertOutlined, 'AlertOutlined');
export const AppstoreOutlined = decorative(Ant.AppstoreOutlined, 'AppstoreOutlined');
export const ArrowLeftOutlined = decorative(Ant.ArrowLeftOutlined, 'ArrowLeftOutlined');
export const BellOutlined = decorative(Ant.BellOutlined, 'BellOutlined');
export const CameraOutlined = decorative(Ant.CameraOutlined, 'CameraOutlined');
export const CaretRightOutlined = decorative(Ant.CaretRightOutlined, 'CaretRightOutlined');
export const CheckCircleFilled = decorative(Ant.CheckCircleFilled, 'CheckCircleFilled');
export const CheckCircleOutlined = decorative(Ant.CheckCircleOutlined, 'CheckCircleOutlined');
export const CheckOutlined = decorative(Ant.CheckOutlined, 'CheckOutlined');
export const ClearOutlined = decorative(Ant.ClearOutlined, 'ClearOutlined');
export const CloseCircleFilled = decorative(Ant.CloseCircleFilled, 'CloseCircleFilled');
export const CloseCircleOutlined = decorative(Ant.CloseCircleOutlined, 'CloseCircleOutlined');
export const CloudUploadOutlined = decorative(Ant.CloudUploadOutlined, 'CloudUploadOutlined');
export const ClusterOutlined = decorative(Ant.ClusterOutlined, 'ClusterOutlined');
export const CompressOutlined = decorative(Ant.CompressOutlined, 'CompressOutlined');
export const ControlOutlined = decorative(Ant.ControlOutlined, 'ControlOutlined');
export const CopyOutlined = decorative(Ant.CopyOutlined, 'CopyOutlined');
export const DashboardOutlined = decorative(Ant.DashboardOutlined, 'DashboardOutlined');
export const DeleteOutlined = decorative(Ant.DeleteOutlined, 'DeleteOutlined');
export const DesktopOutlined = decorative(Ant.DesktopOutlined, 'DesktopOutlined');
export const DownOutlined = decorative(Ant.DownOutlined, 'DownOutlined');
export const DownloadOutlined = decorative(Ant.DownloadOutlined, 'DownloadOutlined');
export const EditOutlined = decorative(Ant.EditOutlined, 'EditOutlined');
export const EllipsisOutlined = decorative(Ant.EllipsisOutlined, 'EllipsisOutlined');
export const ExclamationCircleFilled = decorative(Ant.ExclamationCircleFilled, 'ExclamationCircleFilled');
export const ExpandOutlined = decorative(Ant.ExpandOutlined, 'ExpandOutlined');
export const ExportOutlined = decorative(Ant.ExportOutlined, 'ExportOutlined');
export const FieldTimeOutlined = decorative(Ant.FieldTimeOutlined, 'FieldTimeOutlined');
export const FileTextOutlined = decorative(Ant.FileTextOutlined, 'FileTextOutlined');
export const FolderOpenOutlined = decorative(Ant.FolderOpenOutlined, 'FolderOpenOutlined');
export const HistoryOutlined = decorative(Ant.HistoryOutlined, 'HistoryOutlined');
export const InboxOutlined = decorative(Ant.InboxOutlined, 'InboxOutlined');
export const InfoCircleOutlined = decorative(Ant.InfoCircleOutlined, 'InfoCircleOutlined');
export const LinkOutlined = decorative(Ant.LinkOutlined, 'LinkOutlined');
export const LoadingOutlined = decorative(Ant.LoadingOutlined, 'LoadingOutlined');
export const LockOutlined = decorative(Ant.LockOutlined, 'LockOutlined');
export const LogoutOutlined = decorative(Ant.LogoutOutlined, 'LogoutOutlined');
export const MenuOutlined = decorative(Ant.MenuOutlined, 'MenuOutlined');
export const MoonOutlined = decorative(Ant.MoonOutlined, 'MoonOutlined');
export const MutedOutlined = decorative(Ant.MutedOutlined, 'MutedOutlined');
export const PauseCircleOutlined = decorative(Ant.PauseCircleOutlined, 'PauseCircleOutlined');
export const PauseOutlined = decorative(Ant.PauseOutlined, 'PauseOutlined');
export const PictureOutlined = decorative(Ant.PictureOutlined, 'PictureOutlined');
export const PlayCircleOutlined = decorative(Ant.PlayCircleOutlined, 'PlayCircleOutlined');
export const PlusOutlined = decorative(Ant.PlusOutlined, 'PlusOutlined');
export const PoweroffOutlined = decorative(Ant.PoweroffOutlined, 'PoweroffOutlined');
export const PrinterOutlined = decorative(Ant.PrinterOutlined, 'PrinterOutlined');
export const QuestionCircleOutlined = decorative(Ant.QuestionCircleOutlined, 'QuestionCircleOutlined');
export const RedoOutlined = decorative(Ant.RedoOutlined, 'RedoOutlined');
export const ReloadOutlined = decorative(Ant.ReloadOutlined, 'ReloadOutlined');
export const RollbackOutlined = decorative(Ant.RollbackOutlined, 'RollbackOutlined');
export const SafetyCertificateOutlined = decorative(Ant.SafetyCertificateOutlined, 'SafetyCertificateOutlined');
export const ScanOutlined = decorative(Ant.ScanOutlined, 'ScanOutlined');
export const SearchOutlined = decorative(Ant.SearchOutlined, 'SearchOutlined');
export const SendOutlined = decorative(Ant.SendOutlined, 'SendOutlined');
export const SettingOutlined = decorative(Ant.SettingOutlined, 'SettingOutlined');
export const SoundOutlined = decorative(Ant.SoundOutlined, 'SoundOutlined');
export const StopOutlined = decorative(Ant.StopOutlined, 'StopOutlined');
export const SunOutlined = decorative(Ant.SunOutlined, 'SunOutlined');
export const SwapOutlined = decorative(Ant.SwapOutlined, 'SwapOutlined');
export const TableOutlined = decorative(Ant.TableOutlined, 'TableOutlined');
export const TeamOutlined = decorative(Ant.TeamOutlined, 'TeamOutlined');
export const UndoOutlined = decorative(Ant.UndoOutlined, 'UndoOutlined');
export const UnlockOutlined = decorative(Ant.UnlockOutlined, 'UnlockOutlined');
export const UploadOutlined = decorative(Ant.UploadOutlined, 'UploadOutlined');
export const UserAddOutlined = decorative(Ant.UserAddOutlined, 'UserAddOutlined');
export const UserOutlined = decorative(Ant.UserOutlined, 'UserOutlined');
export const VideoCameraOutlined = decorative(Ant.VideoCameraOutlined, 'VideoCameraOutlined');
export const WarningFilled = decorative(Ant.WarningFilled, 'WarningFilled');
