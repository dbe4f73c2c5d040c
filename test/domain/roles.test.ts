import { describe, expect, it } from 'vitest';
import type { PermissionAction, PersonRoles, Role } from '#shared/domain/roles';
import {
  authorize,
  claimTransitionAction,
  grantingRole,
  mayPerform,
  rolesAllowed,
  rolesEnforced,
  rolesSchema,
} from '#shared/domain/roles';

const technician = ['technician'] as const;
const clerk = ['warehouse-clerk'] as const;
const manager = ['manager'] as const;

/** Who may do what, action by action: the rules the repositories and the server enforce. */
const table: readonly [PermissionAction, readonly Role[], readonly Role[]][] = [
  // action, allowed, refused
  ['take-in', technician, [...clerk, ...manager]],
  ['record-evidence', [...technician, ...clerk], manager],
  ['write-note', [...technician, ...clerk, ...manager], []],
  ['inspect', technician, [...clerk, ...manager]],
  ['decide', technician, [...clerk, ...manager]],
  ['quote', technician, [...clerk, ...manager]],
  ['receive', clerk, [...technician, ...manager]],
  ['ship', clerk, [...technician, ...manager]],
  ['edit-settings', manager, [...technician, ...clerk]],
  ['edit-parts-catalog', manager, [...technician, ...clerk]],
  ['manage-people', manager, [...technician, ...clerk]],
  ['override-transition', manager, [...technician, ...clerk]],
];

describe('mayPerform', () => {
  it('covers every action of the rules table', () => {
    expect(table.map(([action]) => action).sort()).toEqual(Object.keys(rolesAllowed).sort());
  });

  it.each(table)('lets %s be done by %j and by no one else', (action, allowed, refused) => {
    for (const role of allowed) {
      expect(mayPerform({ roles: [role], active: true }, action)).toBe(true);
    }
    for (const role of refused) {
      expect(mayPerform({ roles: [role], active: true }, action)).toBe(false);
    }
  });

  it('lets a person with several roles do what any of them allows, naming the role that does', () => {
    const both = { roles: ['warehouse-clerk', 'manager'] as Role[], active: true };
    expect(grantingRole(both, 'receive')).toBe('warehouse-clerk');
    expect(grantingRole(both, 'edit-parts-catalog')).toBe('manager');
    expect(grantingRole(both, 'inspect')).toBeUndefined();
  });

  it('lets a deactivated person do nothing, whatever their roles', () => {
    const gone = { roles: ['technician', 'warehouse-clerk', 'manager'] as Role[], active: false };
    for (const [action] of table) expect(mayPerform(gone, action)).toBe(false);
  });
});

const person = (id: string, roles: readonly Role[], active = true): PersonRoles => ({
  id: `00000000-0000-7000-8000-${id.padStart(12, '0')}`,
  roles,
  active,
});
const dewi = person('1', ['technician', 'manager']);
const budi = person('2', ['warehouse-clerk']);
const agus = person('3', ['technician']);
const stranger = person('9', ['manager']).id;

describe('authorize', () => {
  it('enforces roles only once the station has an active manager', () => {
    expect(rolesEnforced([budi, agus])).toBe(false);
    expect(rolesEnforced([budi, agus, person('4', ['manager'], false)])).toBe(false);
    expect(rolesEnforced([dewi, budi])).toBe(true);
  });

  it('lets anyone do anything while no one is a manager, recording no role', () => {
    expect(authorize([budi, agus], budi.id, 'edit-parts-catalog')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(authorize([budi, agus], agus.id, 'receive')).toEqual({ ok: true, value: undefined });
  });

  it('refuses a clerk the parts catalog once a manager exists, saying who may', () => {
    expect(authorize([dewi, budi], budi.id, 'edit-parts-catalog')).toEqual({
      ok: false,
      error: { code: 'not-permitted', action: 'edit-parts-catalog', rolesAllowed: ['manager'] },
    });
    expect(authorize([dewi, budi], dewi.id, 'edit-parts-catalog')).toEqual({
      ok: true,
      value: 'manager',
    });
  });

  it('refuses someone who is not an active person of the station', () => {
    expect(authorize([dewi, budi], stranger, 'write-note')).toMatchObject({
      ok: false,
      error: { code: 'unknown-person' },
    });
    const gone = person('5', ['technician'], false);
    expect(authorize([budi, gone], gone.id, 'write-note')).toMatchObject({
      ok: false,
      error: { code: 'unknown-person' },
    });
  });
});

describe('claimTransitionAction', () => {
  it.each([
    ['received', 'receive'],
    ['closed', 'ship'],
    ['authorized', 'decide'],
    ['inspected', 'decide'],
    ['refused', 'decide'],
  ] as const)('makes a move to %s a %s', (status, action) => {
    expect(claimTransitionAction(status)).toBe(action);
  });
});

describe('rolesSchema', () => {
  it('wants at least one role, each once', () => {
    expect(rolesSchema.safeParse([]).success).toBe(false);
    expect(rolesSchema.safeParse(['manager', 'manager']).success).toBe(false);
    expect(rolesSchema.safeParse(['manager', 'technician']).success).toBe(true);
  });
});
