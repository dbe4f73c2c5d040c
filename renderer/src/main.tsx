import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { App } from './App';
import { StationBackupProvider } from './backup/StationBackupContext';
import { appStationCore, StationCoreProvider } from './core';
import './i18n/setup';
import { cssVariablesResolver, theme } from './theme';

// A test build (VITE_FIXLINE_TEST_HOOK=1) exposes the station's data to end-to-end tests and
// benchmarks; in any other build the condition is false at build time and the chunk is left out.
if (import.meta.env.VITE_FIXLINE_TEST_HOOK === '1') {
  window.__fixlineTest = import('./core/testHook').then((module) => module.testHook);
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="bottom-right" />
      {/* A hash router: the desktop app's app:// pages and the web server serve one index.html. */}
      <HashRouter>
        <StationCoreProvider core={appStationCore()}>
          <StationBackupProvider>
            <App />
          </StationBackupProvider>
        </StationCoreProvider>
      </HashRouter>
    </MantineProvider>
  </StrictMode>,
);
