import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { unexpectedFailure } from '../i18n/errorText';
import { FailureDetails } from './FailureDetails';

type RouteErrorBoundaryProps = { readonly children: ReactNode };

/**
 * Catches what a screen throws while drawing (one bad record, a bug), so that the header and the
 * navigation stay and the failure is said instead of a blank window. Keyed by the address, so
 * going to another screen starts afresh.
 */
export function RouteErrorBoundary({ children }: RouteErrorBoundaryProps) {
  const { pathname } = useLocation();
  return <ScreenErrorBoundary key={pathname}>{children}</ScreenErrorBoundary>;
}

type ScreenErrorBoundaryState = { readonly error: unknown };

// React catches render errors only in a class component; this is the one such class.
class ScreenErrorBoundary extends Component<RouteErrorBoundaryProps, ScreenErrorBoundaryState> {
  override state: ScreenErrorBoundaryState = { error: undefined };

  static getDerivedStateFromError(error: unknown): ScreenErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A screen failed to draw', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error === undefined ? (
      this.props.children
    ) : (
      <ScreenFailure error={this.state.error} />
    );
  }
}

type ScreenFailureProps = { readonly error: unknown };

function ScreenFailure({ error }: ScreenFailureProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Alert role="alert" color="red" variant="light" title={t('routeError.title')} maw={720}>
      <Stack gap="sm">
        <div>
          <Text size="sm">{t('routeError.explain')}</Text>
          <FailureDetails failure={unexpectedFailure(error)} />
        </div>
        <Group gap="sm">
          <Button variant="default" onClick={() => void navigate(-1)}>
            {t('routeError.back')}
          </Button>
          <Button onClick={() => void navigate('/')}>{t('routeError.queue')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
