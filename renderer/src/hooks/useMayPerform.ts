import type { PermissionAction } from '#shared/domain/roles';
import { authorize } from '#shared/domain/roles';
import { personRoles, stationPeople } from '../core';
import { useStationContext } from '../station/StationContext';

/**
 * Whether the person at the bench may do `action`, by the rules the repositories enforce, so a
 * screen can say so before anyone tries.
 */
export function useMayPerform(action: PermissionAction): boolean {
  const { station, benchPerson } = useStationContext();
  return authorize(stationPeople(station).map(personRoles), benchPerson?.id ?? '', action).ok;
}
