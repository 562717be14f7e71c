import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@zendeskgarden/css-bedrock/dist/index.css';
import { App } from './ui/App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
