import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { ClaimScreen } from './claim/ClaimScreen';
import { useStationCore } from './core';
import { useConnectionProblem } from './hooks/useConnectionProblem';
import { useStation } from './hooks/useStation';
import { queuePath } from './queue/warmQueue';
import { AppLayout } from './shell/AppLayout';
import { ConnectionProblemNotice } from './shell/ConnectionProblemNotice';
import { ScreenSuspense } from './shell/ScreenSuspense';
import { StationContext } from './station/StationContext';

// Screens other than the queue and a claim (where a scan lands) load when first opened: Reports
// brings Recharts, Parts and Warehouse their imports, Settings the backup, Setup runs once.
const IntakeScreen = lazy(() =>
  import('./intake/IntakeScreen').then((module) => ({ default: module.IntakeScreen })),
);
const PartsScreen = lazy(() =>
  import('./parts/PartsScreen').then((module) => ({ default: module.PartsScreen })),
);
const ReportsScreen = lazy(() =>
  import('./reports/ReportsScreen').then((module) => ({ default: module.ReportsScreen })),
);
const WarehouseScreen = lazy(() =>
  import('./warehouse/WarehouseScreen').then((module) => ({ default: module.WarehouseScreen })),
);
const SettingsScreen = lazy(() =>
  import('./settings/SettingsScreen').then((module) => ({ default: module.SettingsScreen })),
);
const SetupScreen = lazy(() =>
  import('./setup/SetupScreen').then((module) => ({ default: module.SetupScreen })),
);

/** The station's setup at first run; the workbench once it is set up. */
export function App() {
  const { t, i18n } = useTranslation();
  const { attachments, commands } = useStationCore();
  const state = useStation();
  const connectionProblem = useConnectionProblem();
  const stationLanguage = state.kind === 'ready' ? state.station.language : undefined;
  const languageApplied = useRef(false);

  // The station's language is where the screen starts; the header switch changes it from there.
  useEffect(() => {
    if (stationLanguage === undefined || languageApplied.current) return;
    languageApplied.current = true;
    void i18n.changeLanguage(stationLanguage);
  }, [stationLanguage, i18n]);

  // Once the station is open and its first screen drawn (the browser idle, or 5 s at most): files
  // dropped into forms never saved go after their grace period.
  const housekept = useRef(false);
  useEffect(() => {
    if (state.kind !== 'ready' || housekept.current) return;
    const idle = requestIdleCallback(
      () => {
        housekept.current = true;
        attachments.collectUnreferenced().catch((error: unknown) => {
          // Nothing depends on it: the files stay until the next start.
          console.warn('Fixline could not collect unreferenced attachments', error);
        });
        // A recalculation of deadlines cut short (the window closed) goes on where it stopped.
        commands.station.recalculateDeadlines().catch((error: unknown) => {
          console.warn('Fixline could not recalculate the deadlines', error);
        });
      },
      { timeout: 5_000 },
    );
    return () => cancelIdleCallback(idle);
  }, [state.kind, attachments, commands]);

  // Another window's version of Fixline holds the database: say what to do instead of waiting.
  if (
    connectionProblem === 'upgraded-elsewhere' ||
    (connectionProblem === 'blocked-by-other-window' && state.kind === 'loading')
  ) {
    return <ConnectionProblemNotice problem={connectionProblem} />;
  }
  const opening = (
    <Center h="100vh">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
  switch (state.kind) {
    case 'loading':
      return opening;
    case 'not-set-up':
      return (
        <Suspense fallback={opening}>
          <SetupScreen />
        </Suspense>
      );
    case 'ready':
      return (
        <StationContext
          value={{ station: state.station, benchPerson: state.benchPerson, locked: state.locked }}
        >
          <Routes>
            <Route element={<AppLayout />}>
              <Route element={<ScreenSuspense />}>
                {/* The layout draws the queue itself and keeps it (see KeptQueueScreen). */}
                <Route index element={null} />
                <Route path="claims/:claimId" element={<ClaimScreen />} />
                <Route path="intake" element={<IntakeScreen />} />
                <Route path="parts" element={<PartsScreen />} />
                <Route path="reports" element={<ReportsScreen />} />
                <Route path="warehouse" element={<WarehouseScreen />} />
                <Route path="settings" element={<SettingsScreen />} />
                <Route path="*" element={<Navigate to={queuePath} replace />} />
              </Route>
            </Route>
          </Routes>
        </StationContext>
      );
  }
}
