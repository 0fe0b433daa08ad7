import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { Providers } from './app/providers';
import { createQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { syncDocumentLang } from './i18n';
import { loadNodes } from './session/node-store';
import './app/global.css';

syncDocumentLang();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

const reactRoot = createRoot(root);
// One node or several (GET /console/nodes): the route table depends on it. A
// server without the list answers at once (404 or the app's HTML): one node.
void loadNodes().then(() =>
  reactRoot.render(
    <StrictMode>
      <Providers queryClient={createQueryClient()}>
        <RouterProvider router={createAppRouter()} />
      </Providers>
    </StrictMode>,
  ),
);
