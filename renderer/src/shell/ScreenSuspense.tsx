import { Center, Loader } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';

/**
 * The screens' outlet behind a Suspense boundary: a screen loaded on demand shows a quiet loader
 * where it will appear, while the header and the navigation stay. A chunk that fails to load
 * throws to the layout's error boundary, which says so and offers a way back.
 */
export function ScreenSuspense() {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader size="sm" type="dots" aria-label={t('app.loadingScreen')} />
        </Center>
      }
    >
      <Outlet />
    </Suspense>
  );
}
