// antd's previous / next page buttons are named after their icons ("left",
// "right") in every language; its locale has the words (Pagination.prev_page:
// "Previous Page", "上一页"). Spread this into every Pagination or table pagination.
import { ConfigProvider, type PaginationProps } from 'antd';
import { cloneElement, isValidElement, useContext, type ReactElement } from 'react';

export function usePageArrows(): Pick<PaginationProps, 'itemRender'> {
  const words = useContext(ConfigProvider.ConfigContext).locale?.Pagination;
  const prev = words?.prev_page ?? 'Previous Page';
  const next = words?.next_page ?? 'Next Page';
  return {
    itemRender: (_page, type, original) => {
      if ((type !== 'prev' && type !== 'next') || !isValidElement(original)) return original;
      return cloneElement(original as ReactElement<{ 'aria-label'?: string }>, { 'aria-label': type === 'prev' ? prev : next });
    },
  };
}
