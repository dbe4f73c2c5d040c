import type { PolicyId } from '../policyClaim';
import { policyPackSchema, type PolicyPack } from '../pack';
import { igpsportPack } from './igpsport';
import { kospetOfficialStorePack } from './kospetOfficialStore';
import { kospetWarrantyRefundPack } from './kospetWarrantyRefund';

/**
 * The packs built into Fixline, validated by the pack schema when this module loads: a pack
 * edited into an invalid state fails at start-up with the field named, never mid-evaluation.
 */
export const builtInPacks: Readonly<Record<PolicyId, PolicyPack>> = {
  igpsport: policyPackSchema.parse(igpsportPack),
  'kospet-warranty-refund': policyPackSchema.parse(kospetWarrantyRefundPack),
  'kospet-official-store': policyPackSchema.parse(kospetOfficialStorePack),
};
