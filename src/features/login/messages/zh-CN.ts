// zh-CN, the source: the fleet sign-in's words (the single-node login's are in src/i18n).
export const zhCN = {
  'fleet.heading': '登录全部节点',
  'fleet.nodes': '{n, plural, other {# 个节点}}使用同一组用户名和密码登录。',
  'fleet.refused': '{n, plural, other {# 个节点}}未登录：',
  'fleet.allRefused': '没有节点接受这组用户名和密码。',
  'fleet.continue': '进入控制台',
  'fleet.signInNode': '单独登录',
  'fleet.signInNodeSubmit': '登录 {node}',
  'fleet.signedIn': '已登录',
  'node.heading': '登录节点 {node}',
  'node.notSignedIn': '尚未登录此节点。',
  'node.site': '站点：{site}',
} as const;
