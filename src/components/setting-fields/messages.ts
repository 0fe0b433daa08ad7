// The words of the small settings' fields (NTP, time zone and format, storage
// policy, HTTP push, the device's web pages), one set for the one-node system
// page and the fleet's settings forms.
import { defineMessages, type Translation } from '../../i18n';

const zhCN = {
  'ntp.enabled': '启用 NTP 同步',
  'ntp.server': 'NTP 服务器',
  'ntp.serverHelp': '主机名或 IP 地址，不含 http:// 和端口，例如 pool.ntp.org。',
  'ntp.port': '端口',
  'ntp.portRange': '端口须在 {min} 到 {max} 之间。',
  'ntp.cycle': '同步周期',
  'ntp.cycleRange': '周期须在 {min} 到 {max} 分钟之间。',
  'ntp.minutes': '分钟',
  'ntp.problem.required': '请输入 NTP 服务器。',
  'ntp.problem.invalid': '请输入主机名或 IP 地址（不含 http:// 和端口）。',
  'time.zone': '时区',
  'time.zoneRequired': '请选择时区。',
  'time.useComputerZone': '使用本电脑时区（{zone}）',
  'time.format': '时间格式',
  'time.formatHelp': '设备自身页面显示时间的方式；接口中的时间始终为 yyyy-MM-dd HH:mm:ss。',
  'storage.policy': '存储满时',
  'storage.current': '（当前）',
  'storage.overwrite.title': '满覆盖',
  'storage.overwrite.body':
    '存储满后，最早的抓拍和告警记录（及其图片）被删除，为新记录腾出空间。设备持续记录，但历史只保留到存储能容纳的时间。',
  'storage.stop.title': '满即停',
  'storage.stop.body': '存储满后，设备不再保存新的抓拍和告警记录，已有记录全部保留；实时告警推送不受影响。需要手动删除记录才能继续保存。',
  'push.url': '接收地址',
  'push.urlHelp': 'http(s)://主机[:端口][/路径]；省略 http:// 时按 http 处理。留空则关闭推送。',
  'push.key': '密钥',
  'push.keyHelp': '随每条告警一起发送（表单字段 key），接收端可据此确认来源。',
  'push.keyTooLong': '密钥最多 {max} 个字符。',
  'push.problem.invalid': '这不是有效的地址：http(s)://主机[:端口][/路径]。',
  'push.problem.scheme': '只支持 http:// 或 https://。',
  'push.problem.credentials': '地址中不能包含用户名或密码。',
  'web.body': '设备自身提供的网页管理界面。关闭后，浏览器无法再打开设备自带的网页；接口（包括本控制台和对接系统）不受影响。',
  'web.unknown': '设备不提供查询当前状态的接口，此处只显示本次操作的结果。',
  'web.consequence.pages': '浏览器将无法打开设备自带的网页管理界面。',
  'web.consequence.api': '接口不受影响：本控制台和对接系统照常工作。',
  'web.consequence.self': '如果本控制台本身由设备提供，之后可能无法再打开，需要通过接口重新开启。',
} as const;

const enUS: Translation<typeof zhCN> = {
  'ntp.enabled': 'Sync with NTP',
  'ntp.server': 'NTP server',
  'ntp.serverHelp': 'A host name or an IP address, without http:// or a port, e.g. pool.ntp.org.',
  'ntp.port': 'Port',
  'ntp.portRange': 'A port from {min} to {max}.',
  'ntp.cycle': 'Sync every',
  'ntp.cycleRange': 'From {min} to {max} minutes.',
  'ntp.minutes': 'min',
  'ntp.problem.required': 'Enter the NTP server.',
  'ntp.problem.invalid': 'Enter a host name or an IP address (no http://, no port).',
  'time.zone': 'Time zone',
  'time.zoneRequired': 'Choose a time zone.',
  'time.useComputerZone': "Use this computer's zone ({zone})",
  'time.format': 'Time format',
  'time.formatHelp': "How the device's own pages show times; times on the API are always yyyy-MM-dd HH:mm:ss.",
  'storage.policy': 'When the storage is full',
  'storage.current': '(current)',
  'storage.overwrite.title': 'Overwrite when full',
  'storage.overwrite.body':
    'Once full, the oldest capture and alarm records (and their pictures) are deleted to make room. The device keeps recording; the history reaches back only as far as the storage holds.',
  'storage.stop.title': 'Stop when full',
  'storage.stop.body':
    'Once full, the device saves no new capture or alarm records and keeps every existing one; live alarm pushes go on. Records must be deleted by hand before it saves again.',
  'push.url': 'Receiver URL',
  'push.urlHelp': 'http(s)://host[:port][/path]; without http:// it means http. Empty turns push off.',
  'push.key': 'Key',
  'push.keyHelp': 'Sent with every alarm (form field key), so the receiver can check where it came from.',
  'push.keyTooLong': 'A key has at most {max} characters.',
  'push.problem.invalid': 'Not a valid address: http(s)://host[:port][/path].',
  'push.problem.scheme': 'Only http:// or https://.',
  'push.problem.credentials': 'No user name or password in the address.',
  'web.body':
    'The management pages the device serves itself. Off, a browser can no longer open them; the API (this console, connected systems) is not affected.',
  'web.unknown': 'The device has no way to say which is on: this shows only what was done here.',
  'web.consequence.pages': "A browser can no longer open the device's own management pages.",
  'web.consequence.api': 'The API is not affected: this console and connected systems keep working.',
  'web.consequence.self':
    'If this console itself is served by the device, it may no longer open; turning the pages on again then takes the API.',
};

export const useSettingFieldsT = defineMessages({ 'zh-CN': zhCN, 'en-US': enUS });
