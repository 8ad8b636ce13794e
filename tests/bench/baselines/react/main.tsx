import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** The floor: React 19 + ReactDOM rendering one heading and a paragraph, nothing else. */
function Page() {
  return (
    <main>
      <h1>Security</h1>
      <p>Multi-factor authentication protects your account with a code from an app.</p>
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Page />
    </StrictMode>,
  );
}
