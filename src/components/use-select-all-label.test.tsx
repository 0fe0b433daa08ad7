// Issue 14 (17): the select-all checkbox said "Select all" in Chinese too.
import { render, screen } from '@testing-library/react';
import { ConfigProvider, Table } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { describe, expect, it } from 'vitest';
import { useSelectAllLabel } from './use-select-all-label';

function People() {
  const selectAll = useSelectAllLabel();
  return (
    <Table
      rowKey="id"
      columns={[{ title: 'Name', dataIndex: 'name' }]}
      dataSource={[{ id: 1, name: 'Zhang Wei' }]}
      rowSelection={{ ...selectAll }}
      pagination={false}
    />
  );
}

describe('the select-all checkbox', () => {
  it('is named in Chinese in Chinese', () => {
    render(
      <ConfigProvider locale={zhCN}>
        <People />
      </ConfigProvider>,
    );
    expect(screen.getByRole('checkbox', { name: '全选当页' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Select all' })).toBeNull();
  });

  it('says what it does in English', () => {
    render(
      <ConfigProvider locale={enUS}>
        <People />
      </ConfigProvider>,
    );
    expect(screen.getByRole('checkbox', { name: 'Select current page' })).toBeInTheDocument();
  });
});
