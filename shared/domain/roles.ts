import { z } from 'zod';
import type { ClaimStatus } from './claimWorkflow';
import type { RecordId } from './primitives';
import type { Result } from './result';
import { fail, ok } from './result';

/**
 * What a person does at the repair center. One person may have several roles:
 * - `technician`: takes claims in, inspects devices, decides and quotes.
 * - `warehouse-clerk`: receives parcels, prints and ships.
 * - `manager`: edits the station's settings, prices and the parts catalog, manages people, and
 *   may force a claim transition the workflow refused, with a reason.
 */
export const roleSchema = z.enum(['technician', 'warehouse-clerk', 'manager']);
export type Role = z.infer<typeof roleSchema>;

/** The roles of a person, at least one, each once. */
export const rolesSchema = z
  .array(roleSchema)
  .min(1, { error: 'give the person at least one role' })
  .refine((roles) => new Set(roles).size === roles.length, { error: 'a role is listed twice' });

/**
 * Something a person may or may not do. Every repository write is one of these, so the sync
 * server can judge a pushed change by the same table.
 */
export type PermissionAction =
  | 'take-in'
  | 'record-evidence'
  | 'write-note'
  | 'inspect'
  | 'decide'
  | 'quote'
  | 'receive'
  | 'ship'
  | 'edit-settings'
  | 'edit-parts-catalog'
  | 'manage-people'
  | 'override-transition';

/** Who may do what: each action and the roles allowed to do it (any one of them suffices). */
export const rolesAllowed = {
  'take-in': ['technician'],
  'record-evidence': ['technician', 'warehouse-clerk'],
  'write-note': ['technician', 'warehouse-clerk', 'manager'],
  inspect: ['technician'],
  decide: ['technician'],
  quote: ['technician'],
  receive: ['warehouse-clerk'],
  ship: ['warehouse-clerk'],
  'edit-settings': ['manager'],
  'edit-parts-catalog': ['manager'],
  'manage-people': ['manager'],
  'override-transition': ['manager'],
} as const satisfies Record<PermissionAction, readonly Role[]>;

/** What the rules need of a person: who they are, their roles, and whether they still work here. */
export type PersonRoles = {
  readonly id: RecordId;
  readonly roles: readonly Role[];
  /** False once the person is deactivated: they keep their name on old changes, and do nothing new. */
  readonly active: boolean;
};

/** Whether `person` may do `action` by their own roles (see {@link authorize} for a station). */
export function mayPerform(
  person: Pick<PersonRoles, 'roles' | 'active'>,
  action: PermissionAction,
): boolean {
  return grantingRole(person, action) !== undefined;
}

/** The first of the person's roles that allows `action`; undefined when none does. */
export function grantingRole(
  person: Pick<PersonRoles, 'roles' | 'active'>,
  action: PermissionAction,
): Role | undefined {
  if (!person.active) return undefined;
  const allowed: readonly Role[] = rolesAllowed[action];
  return person.roles.find((role) => allowed.includes(role));
}

/**
 * Whether roles are enforced among `people`: only once an active manager exists. A station set up
 * before roles existed has none, and keeps working as it did (anyone may do anything) until
 * someone is made a manager, who can then give everyone their roles.
 */
export function rolesEnforced(people: readonly Pick<PersonRoles, 'roles' | 'active'>[]): boolean {
  return people.some((person) => person.active && person.roles.includes('manager'));
}

/** Why {@link authorize} refused. */
export type PermissionRefusal = {
  /** `unknown-person`: the actor is not an active person of the station. */
  readonly code: 'not-permitted' | 'unknown-person';
  readonly action: PermissionAction;
  /** The roles that may do the action. */
  readonly rolesAllowed: readonly Role[];
};

/**
 * Judges `actorId` doing `action` among the station's `people`: the role that allows it (undefined
 * while roles are not enforced, see {@link rolesEnforced}), or why not.
 */
export function authorize(
  people: readonly PersonRoles[],
  actorId: RecordId,
  action: PermissionAction,
): Result<Role | undefined, PermissionRefusal> {
  const refusal = (code: PermissionRefusal['code']) =>
    fail({ code, action, rolesAllowed: rolesAllowed[action] });
  const actor = people.find((person) => person.id === actorId);
  if (!rolesEnforced(people)) {
    return actor === undefined || actor.active ? ok(undefined) : refusal('unknown-person');
  }
  if (actor === undefined || !actor.active) return refusal('unknown-person');
  const role = grantingRole(actor, action);
  return role === undefined ? refusal('not-permitted') : ok(role);
}

/**
 * The action a claim's move to `to` is: receiving and closing (the device goes back) are the
 * warehouse's; every other step is a technician's decision.
 */
export function claimTransitionAction(to: ClaimStatus): PermissionAction {
  switch (to) {
    case 'received':
      return 'receive';
    case 'closed':
      return 'ship';
    case 'intake':
    case 'awaiting-authorization':
    case 'authorized':
    case 'inspected':
    case 'quoted':
    case 'resolved':
    case 'refused':
    case 'cancelled':
      return 'decide';
  }
}
