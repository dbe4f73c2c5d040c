import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useStationCore } from '../core';
import { useIdleLock } from '../hooks/useIdleLock';
import { KeptQueueScreen, useLastQueueLocation } from '../queue/KeptQueueScreen';
import {
  QueueAddressContext,
  queueAddressOf,
  QueueNavigateProvider,
  useStableNavigate,
} from '../queue/queueNavigation';
import { queuePath, warmQueueFirstScreen } from '../queue/warmQueue';
import { useStationContext } from '../station/StationContext';
import { LanguageSwitch } from './LanguageSwitch';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { ScanListener } from './ScanListener';
import { LockScreen } from './LockScreen';
import { PersonSwitch } from './PersonSwitch';
import { StorageWarning } from './StorageWarning';
import { SyncIndicator } from './SyncIndicator';
import classes from './AppLayout.module.css';
import { screens } from './navigation';

/**
 * The workbench frame: station and the person signed in on top, screens on the left, the screen
 * beside; covered by the lock screen while the station is locked.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const { station, benchPerson, locked } = useStationContext();
  useIdleLock();
  const [navbarOpen, { toggle }] = useDisclosure();
  const { pathname } = useLocation();
  const core = useStationCore();
  const queueLocation = useLastQueueLocation();
  const queueSearch = queueLocation?.search;
  const queueAddress = useMemo(() => queueAddressOf(queueSearch), [queueSearch]);
  const queueNavigate = useStableNavigate();
  // A claim is opened from the queue, so the queue stays the current screen while it is open.
  const isActive = (path: string) =>
    path === queuePath
      ? pathname === queuePath || pathname.startsWith('/claims/')
      : pathname.startsWith(path);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !navbarOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navbarOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.openMenu')}
            />
            <Title order={1} size="h3" c="teal.8">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('header.station', { code: station.stationCode })} · {station.center.name}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <SyncIndicator />
            <PersonSwitch />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {screens.map((screen) => (
          <NavLink
            key={screen.path}
            component={Link}
            // The queue's link goes back to it as it was left, filter and all.
            to={screen.path === queuePath ? queueAddress : screen.path}
            label={t(screen.labelKey)}
            active={isActive(screen.path)}
            // The queue's count and first rows are read while its screen is drawn, not after
            // (once kept, it has them and reads them again itself).
            onClick={() => {
              if (pathname !== screen.path && queueLocation === undefined) {
                warmQueueFirstScreen(core, `#${screen.path}`);
              }
            }}
          />
        ))}
        <Text size="xs" c="dimmed" mt="auto" p="xs">
          {t('header.scanHint')}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        {/* Settings shows the warning itself, for good. */}
        {pathname.startsWith('/settings') ? null : <StorageWarning dismissible />}
        <QueueNavigateProvider value={queueNavigate}>
          <KeptQueueScreen location={queueLocation} shown={pathname === queuePath} />
        </QueueNavigateProvider>
        {/* A claim's link back to the queue goes to it as it was left. */}
        <QueueAddressContext value={queueAddress}>
          <RouteErrorBoundary>
            <Outlet />
          </RouteErrorBoundary>
        </QueueAddressContext>
        <ScanListener />
        {locked && benchPerson !== undefined ? <LockScreen benchPerson={benchPerson} /> : null}
      </AppShell.Main>
    </AppShell>
  );
}
