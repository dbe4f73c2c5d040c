-- A claim by its RMA number, so the rule that no two claims of a center share one (see
-- checkClaimRmaNumber in shared/sync/rules.ts) is one index probe per pushed claim. Not a UNIQUE
-- index: a center that synced before this rule may already hold two claims with one number, and
-- a unique index would refuse to build and keep the server from starting. The rule is enough on
-- its own: a space's pushes are applied one after another (its row is locked), so no two pushed
-- claims are judged at once.
CREATE INDEX claims_by_rma_number ON claims (space_id, rma_number);
