import { defineMessages, type Translation } from '../../i18n';

const zhCN = {
  label: '目标节点',
  hint: '同一操作发往所选的每个节点；默认为当前节点。',
  shown: '{name}（当前节点）',
  signedOut: '未登录',
  site: '站点：{site}',
  noSite: '无站点',
  all: '全选已登录的节点',
} as const;

const enUS: Translation<typeof zhCN> = {
  label: 'Target nodes',
  hint: 'The same is done on every node chosen; the node shown by default.',
  shown: '{name} (this node)',
  signedOut: 'not signed in',
  site: 'Site: {site}',
  noSite: 'No site',
  all: 'Every signed-in node',
};

export const useTargetsT = defineMessages({ 'zh-CN': zhCN, 'en-US': enUS });
