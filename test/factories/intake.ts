import type { IntakeInput } from '../../renderer/src/intake/saveIntake';

/** A new customer's KOSPET watch with a defect, as the intake form hands it to the save. */
export function makeIntakeInput(overrides: Partial<IntakeInput> = {}): IntakeInput {
  return {
    customer: {
      kind: 'new',
      customer: { name: 'Budi Santoso', phone: '+62 813 1111 2222', preferredLanguage: 'id' },
    },
    device: {
      kind: 'new',
      device: { model: 'KOSPET Tank T3', category: 'smartwatch', serial: 'KT3-2026-009001' },
    },
    claim: {
      policyPackId: 'kospet-official-store',
      purchase: { channel: 'official-store', orderDate: '2026-04-20', proof: 'valid' },
      reason: 'defect',
      symptom: 'malfunction',
      defect: { what: 'Does not charge', since: 'last week' },
      customerAcknowledgement: { dataBackedUp: true, simRemoved: false, factoryReset: false },
    },
    evidence: [],
    ...overrides,
  };
}
