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

type ScreenErrorBoundaryProps = {
  readonly children: ReactNode;
  /** A failure is kept until this changes (a screen kept across visits tries again at the next). */
  readonly retryKey?: unknown;
};

type ScreenErrorBoundaryState = {
  readonly error: unknown;
  /** The `retryKey` the failure was drawn at, or `notRecorded` in the render that caught it. */
  readonly failedAt?: unknown;
};

const notRecorded = Symbol('the retry key is recorded at the next render');

/**
 * Catches what its screen throws while drawing and says so in its place. React catches render
 * errors only in a class component; this is the one such class.
 */
export class ScreenErrorBoundary extends Component<
  ScreenErrorBoundaryProps,
  ScreenErrorBoundaryState
> {
  override state: ScreenErrorBoundaryState = { error: undefined };

  static getDerivedStateFromError(error: unknown): Partial<ScreenErrorBoundaryState> {
    return { error, failedAt: notRecorded };
  }

  static getDerivedStateFromProps(
    { retryKey }: ScreenErrorBoundaryProps,
    { error, failedAt }: ScreenErrorBoundaryState,
  ): Partial<ScreenErrorBoundaryState> | null {
    if (error === undefined) return null;
    if (failedAt === notRecorded) return { failedAt: retryKey };
    return failedAt === retryKey ? null : { error: undefined, failedAt: undefined };
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
