import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { App } from './App';
import { StationBackupProvider } from './backup/StationBackupContext';
import { appStationCore, StationCoreProvider, warmQueriesOf } from './core';
import { stationStateQuery } from './hooks/useStation';
import './i18n/setup';
import { warmQueueFirstScreen } from './queue/warmQueue';
import { cssVariablesResolver, theme } from './theme';

/** Renders the app into `container`: the station's screens over its own database. */
export function startApp(container: HTMLElement): void {
  const core = appStationCore();
  // The first screen's reads start now, and the storage process answers them while the shell is
  // drawn: the station's settings always, the queue's count and first rows when it opens there.
  warmQueriesOf(core).start(stationStateQuery);
  warmQueueFirstScreen(core, window.location.hash);
  createRoot(container).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <Notifications position="bottom-right" />
        {/* A hash router: the desktop app's app:// pages and the web server serve one index.html. */}
        <HashRouter>
          <StationCoreProvider core={core}>
            <StationBackupProvider>
              <App />
            </StationBackupProvider>
          </StationCoreProvider>
        </HashRouter>
      </MantineProvider>
    </StrictMode>,
  );
}
