import { createContext, useContext, type ReactNode } from 'react';
import { useStationBackup } from '../hooks/useStationBackup';

type StationBackup = ReturnType<typeof useStationBackup>;

const StationBackupContext = createContext<StationBackup | undefined>(undefined);

type StationBackupProviderProps = { children: ReactNode };

/**
 * Holds the last backup's outcome above the screens: a restore on the setup screen sets the
 * station up, which swaps the setup screen for the shell, and the message must survive that.
 */
export function StationBackupProvider({ children }: StationBackupProviderProps) {
  const backup = useStationBackup();
  return <StationBackupContext value={backup}>{children}</StationBackupContext>;
}

/** The station backup's actions and last outcome. */
export function useStationBackupContext(): StationBackup {
  const value = useContext(StationBackupContext);
  if (value === undefined) throw new Error('useStationBackupContext needs a StationBackupProvider');
  return value;
}
