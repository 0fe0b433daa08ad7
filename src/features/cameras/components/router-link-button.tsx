// A real link (href: middle-click, copy address, screen readers) drawn as an
// antd button, so it takes the theme's accessible colours; a plain click
// navigates inside the app.
import { Button, type ButtonProps } from 'antd';
import type { MouseEvent, ReactNode } from 'react';
import { useHref, useNavigate } from 'react-router';

export function RouterLinkButton({ to, children, ...rest }: { to: string; children: ReactNode } & Omit<ButtonProps, 'href' | 'onClick'>) {
  const navigate = useNavigate();
  const href = useHref(to);
  function onClick(e: MouseEvent<HTMLElement>) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void navigate(to);
  }
  return (
    <Button {...rest} href={href} onClick={onClick}>
      {children}
    </Button>
  );
}
