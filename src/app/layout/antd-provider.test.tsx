import { render, screen } from '@testing-library/react';
import { Button, DatePicker } from 'antd';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLangStore } from '../../i18n';
import { AntdProvider } from './antd-provider';

function picker() {
  return render(
    <AntdProvider theme="light">
      <DatePicker open value={dayjs('2026-12-06')} />
      <Button>还原</Button>
    </AntdProvider>,
  );
}

describe("antd in the console's language", () => {
  beforeEach(() => useLangStore.getState().choose('zh-CN'));

  it('names months and weekdays in Chinese and starts the week on Monday', () => {
    picker();
    expect(screen.getByRole('button', { name: '选择月份' })).toHaveTextContent('12月');
    const headers = [...document.querySelectorAll('.ant-picker-content thead th')].map((th) => th.textContent);
    expect(headers[0]).toBe('一');
    expect(headers).not.toContain('Su');
  });

  it('keeps two-character Chinese buttons as written', () => {
    picker();
    expect(screen.getByRole('button', { name: '还原' })).toHaveTextContent(/^还原$/);
  });

  it('goes back to English names with the language', () => {
    useLangStore.getState().choose('en-US');
    picker();
    expect(screen.getByRole('button', { name: 'Choose a month' })).toHaveTextContent('Dec');
    expect(document.querySelector('.ant-picker-content thead th')?.textContent).toBe('Su');
  });
});
