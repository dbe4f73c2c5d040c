import type { WriteContext } from '../core';
import { useStationContext } from '../station/StationContext';

/**
 * The attribution of the writes a screen makes: the person at the bench. Undefined while nobody
 * is, so a screen can ask for someone before it lets anyone record a change.
 */
export function useWriteContext(): WriteContext | undefined {
  const { benchPerson } = useStationContext();
  return benchPerson === undefined ? undefined : { actor: benchPerson.id };
}
