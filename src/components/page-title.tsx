import { Typography } from 'antd';
import type { ReactNode } from 'react';
import './page-title.css';

/**
 * Each page's one <h1>, sized for a console rather than a document. Where
 * the title and its actions do not fit on one line the actions wrap below it;
 * the title breaks between words only.
 */
export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-title">
      <Typography.Title level={1} className="page-title__text">
        {children}
      </Typography.Title>
      {extra ? <div className="page-title__extra">{extra}</div> : null}
    </div>
  );
}
