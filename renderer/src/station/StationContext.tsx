import { createContext, useContext } from 'react';
import type { StationSettingsRow, Technician } from '../db/records';

/** The set-up station and who is at its bench, for every screen inside the shell. */
export type StationContextValue = {
  readonly station: StationSettingsRow;
  readonly benchTechnician: Technician | undefined;
};

export const StationContext = createContext<StationContextValue | undefined>(undefined);

/** The station; only screens shown after setup may ask for it. */
export function useStationContext(): StationContextValue {
  const value = useContext(StationContext);
  if (value === undefined) throw new Error('useStationContext is used outside the station shell');
  return value;
}
