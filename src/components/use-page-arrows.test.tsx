// Issue 14 (17): the page arrows were named "left" and "right", in Chinese too.
import { render, screen } from '@testing-library/react';
import { ConfigProvider, Pagination } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { describe, expect, it } from 'vitest';
import { usePageArrows } from './use-page-arrows';

function Pager() {
  return <Pagination total={50} current={2} {...usePageArrows()} />;
}

describe('the page arrows', () => {
  it('are named in Chinese in Chinese', () => {
    render(
      <ConfigProvider locale={zhCN}>
        <Pager />
      </ConfigProvider>,
    );
    expect(screen.getByRole('button', { name: '上一页' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下一页' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'left' })).toBeNull();
  });

  it('say what they do in English', () => {
    render(
      <ConfigProvider locale={enUS}>
        <Pager />
      </ConfigProvider>,
    );
    expect(screen.getByRole('button', { name: 'Previous Page' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next Page' })).toBeInTheDocument();
  });
});
