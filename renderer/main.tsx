// Entry point: styles, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/widgets.css';

const root = document.getElementById('root');
if (root) {
  // A view's crash is caught and shown in its place (ui/ViewErrorBoundary): a warning, not an error, in the console.
  const onCaughtError = (error: unknown, info: { componentStack?: string }): void => {
    console.warn('A view stopped; the page shows what broke:', error, info.componentStack ?? '');
  };
  createRoot(root, { onCaughtError }).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
