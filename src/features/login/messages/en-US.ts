import type { Translation } from '../../../i18n';
import type { zhCN } from './zh-CN';

export const enUS: Translation<typeof zhCN> = {
  'fleet.heading': 'Log in to every node',
  'fleet.nodes': 'The same user name and password are tried on {n, plural, one {# node} other {# nodes}}.',
  'fleet.refused': '{n, plural, one {# node is} other {# nodes are}} not signed in:',
  'fleet.allRefused': 'No node accepted this user name and password.',
  'fleet.continue': 'Go to the console',
  'fleet.signInNode': 'Log in separately',
  'fleet.signInNodeSubmit': 'Log in to {node}',
  'fleet.signedIn': 'Signed in',
  'node.heading': 'Log in to node {node}',
  'node.notSignedIn': 'This node is not signed in yet.',
  'node.site': 'Site: {site}',
};
