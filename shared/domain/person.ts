import { z } from 'zod';
import { recordIdSchema, sha256Schema, textSchema } from './primitives';
import type { PersonRoles, Role } from './roles';
import { rolesSchema } from './roles';

/**
 * A PIN as argon2id keeps it: the encoded hash with its parameters and salt
 * (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`), so a check needs nothing else.
 */
export const argon2idHashSchema = z
  .string()
  .regex(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/, {
    error: 'expected an encoded argon2id hash',
  });

/**
 * A person who works at the center, with their roles (see ./roles). The PIN is kept only as a
 * slow hash (argon2id), so reading the database or a backup does not give it away cheaply.
 * Stations set up before roles stored `technicians` with a salted SHA-256 of the PIN and no
 * roles: `roles` and `active` are optional for them (see {@link personRoles}), and the old hash
 * (`pinSalt` + `pinHash`) still verifies once, then is replaced by argon2id at the next sign-in.
 */
export const personSchema = z
  .object({
    id: recordIdSchema,
    name: textSchema,
    /** Absent on people stored before roles existed: they were technicians. */
    roles: rolesSchema.optional(),
    /** Absent means active; a deactivated person keeps their name on past changes. */
    active: z.boolean().optional(),
    pinHash: z.union([argon2idHashSchema, sha256Schema]),
    /** Only with a SHA-256 `pinHash`, from before argon2id. */
    pinSalt: z
      .string()
      .regex(/^[0-9a-f]{32}$/, { error: 'expected 16 random bytes as hex' })
      .optional(),
  })
  .refine((person) => argon2idHashSchema.safeParse(person.pinHash).success || person.pinSalt, {
    error: 'a SHA-256 PIN hash needs its salt',
    path: ['pinSalt'],
  });
export type Person = z.infer<typeof personSchema>;

/** The roles of a person stored before people had roles: the technicians they all were. */
export const rolesBeforeRoles: readonly Role[] = ['technician'];

/** What the permission rules need of a person, with the defaults of people stored before roles. */
export function personRoles(person: Person): PersonRoles {
  return { id: person.id, roles: person.roles ?? rolesBeforeRoles, active: person.active ?? true };
}

/**
 * Who a center-wide change is written by when the station has nobody to name (a station set up
 * without people, which only tests and the first-run setup before its people make): a fixed id,
 * so the change still syncs. The server takes such a change only for the center's settings and
 * people (see `checkAuthor` in server/src/sync/rowRules.ts).
 */
export const nobodyId = '00000000-0000-7000-8000-000000000000';
