import type { WriteContext } from '../db/repositories';
import { useStationContext } from '../station/StationContext';

/**
 * The attribution of the writes a screen makes: the technician at the bench. Undefined while
 * nobody is, so a screen can ask for a technician before it lets anyone record a change.
 */
export function useWriteContext(): WriteContext | undefined {
  const { benchTechnician } = useStationContext();
  return benchTechnician === undefined ? undefined : { actor: benchTechnician.id };
}
