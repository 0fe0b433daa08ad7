// antd writes the table's select-all checkbox as aria-label="Select all" in
// English whatever the language (issue 14). Its own locale has the words
// (Table.selectAll: "Select current page", "全选当页", which is what it does):
// spread this into every rowSelection.
import { ConfigProvider } from 'antd';
import { useContext } from 'react';

export function useSelectAllLabel(): { getTitleCheckboxProps: () => { 'aria-label': string } } {
  const words = useContext(ConfigProvider.ConfigContext).locale?.Table?.selectAll;
  const label = typeof words === 'string' ? words : 'Select current page';
  return { getTitleCheckboxProps: () => ({ 'aria-label': label }) };
}
