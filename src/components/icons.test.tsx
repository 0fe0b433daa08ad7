// Issue 14 (17): a button with an icon was named "pause-circle Pause".
import { render, screen } from '@testing-library/react';
import { Button } from 'antd';
import { describe, expect, it } from 'vitest';
import { LockOutlined, PauseCircleOutlined, SoundOutlined } from './icons';

describe('decorative icons', () => {
  it("leave a button's name to its words", () => {
    render(
      <>
        <Button icon={<PauseCircleOutlined />}>Pause</Button>
        <Button icon={<SoundOutlined />}>Mute</Button>
      </>,
    );
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mute' })).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('keep a label given on purpose', () => {
    render(<LockOutlined aria-label="Locked" />);
    expect(screen.getByRole('img', { name: 'Locked' })).toBeInTheDocument();
  });
});
