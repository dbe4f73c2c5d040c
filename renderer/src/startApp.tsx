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

/** Renders the app into `container`: the station's screens over its own database. */
export function startApp(container: HTMLElement): void {
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
}
