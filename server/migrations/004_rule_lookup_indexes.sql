-- Indexes for what the server looks up while it judges a push or purges blobs, so each lookup
-- stays one index probe however large the center grows: a live part by its SKU (unique SKUs), a
-- claim's quotes (only the latest revises), and an evidence record by its file's SHA-256.
CREATE INDEX parts_catalog_live_sku ON parts_catalog (space_id, sku) WHERE deleted_at IS NULL;
CREATE INDEX quotes_by_claim ON quotes (space_id, claim_id);
CREATE INDEX evidence_by_sha256 ON evidence (sha256);
