import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { z } from 'zod';
import { sv as zodSwedish } from 'zod/locales';
import { createQueryClient } from './app/query-client.ts';
import { createRouter } from './app/router.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/cases.css';
import './styles/statistics.css';
import './styles/collaboration.css';
import './styles/quality.css';

// Validation messages the contracts do not spell out themselves, in Swedish.
z.config(zodSwedish());

const queryClient = createQueryClient();
const router = createRouter();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
