import { describe, expect, it } from 'vitest';
import { auditEventSchema } from '#shared/domain/audit';
import { makeAuditEvent } from '../factories/domain';
import { expectRefusedField } from './schemaExpectations';

describe('auditEventSchema', () => {
  it('accepts a status transition', () => {
    expect(auditEventSchema.safeParse(makeAuditEvent()).success).toBe(true);
  });

  it('accepts an update whose values are of any type', () => {
    const event = makeAuditEvent({
      action: 'update',
      changes: {
        purchase: { from: null, to: { channel: 'ebay', proof: 'valid' } },
        stepsTried: { from: undefined, to: 'restarted' },
      },
    });
    expect(auditEventSchema.safeParse(event).success).toBe(true);
  });

  it('refuses a transition that does not record the status change', () => {
    const event = makeAuditEvent({
      action: 'transition',
      changes: { remedy: { from: null, to: 'warranty-repair' } },
    });
    expectRefusedField(auditEventSchema, event, 'changes');
  });

  it('refuses an unknown action', () => {
    expectRefusedField(auditEventSchema, { ...makeAuditEvent(), action: 'archive' }, 'action');
  });

  it('refuses a malformed station code', () => {
    expectRefusedField(auditEventSchema, { ...makeAuditEvent(), station: 'jakarta-1' }, 'station');
  });

  it('refuses a table name with spaces', () => {
    expectRefusedField(auditEventSchema, { ...makeAuditEvent(), entity: 'quote lines' }, 'entity');
  });
});
