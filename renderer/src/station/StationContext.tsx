import { createContext, useContext } from 'react';
import type { Person, StationSettingsRow } from '../core';

/** The set-up station and who is at its bench, for every screen inside the shell. */
export type StationContextValue = {
  readonly station: StationSettingsRow;
  /** The active person signed in at the bench; undefined before anyone is. */
  readonly benchPerson: Person | undefined;
  /** Whether the station sits locked, waiting for the bench person's PIN. */
  readonly locked: boolean;
};

export const StationContext = createContext<StationContextValue | undefined>(undefined);

/** The station; only screens shown after setup may ask for it. */
export function useStationContext(): StationContextValue {
  const value = useContext(StationContext);
  if (value === undefined) throw new Error('useStationContext is used outside the station shell');
  return value;
}
