-- AlterTable
ALTER TABLE "audit_chain_heads" ADD COLUMN     "last_hash" BYTEA NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "hash" BYTEA;

-- CreateTable
CREATE TABLE "audit_checkpoints" (
    "office_id" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,
    "key_id" TEXT NOT NULL,
    "object_key" TEXT NOT NULL,
    "version_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_checkpoints_pkey" PRIMARY KEY ("office_id","seq")
);

-- CreateTable
CREATE TABLE "audit_alerts" (
    "id" BIGSERIAL NOT NULL,
    "office_id" UUID NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "position" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "audit_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_sessions" (
    "office_id" UUID NOT NULL,
    "session_key" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "person_id" UUID,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_sessions_pkey" PRIMARY KEY ("office_id","session_key")
);

-- CreateIndex
CREATE INDEX "audit_alerts_resolved_at_idx" ON "audit_alerts"("resolved_at");

-- CreateIndex
CREATE UNIQUE INDEX "audit_alerts_office_id_position_kind_key" ON "audit_alerts"("office_id", "position", "kind");

-- AddForeignKey
ALTER TABLE "audit_checkpoints" ADD CONSTRAINT "audit_checkpoints_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_alerts" ADD CONSTRAINT "audit_alerts_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_sessions" ADD CONSTRAINT "api_sessions_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written (no semicolons in comments): the chain link, append-only audit events and the application's privileges (ADR 0014).
-- hash(n) = SHA-256(hash(n-1) || UTF-8 of {"event":<header>,"payloadSha256":"<hex>","seq":<n>}), the twin of linkHash in libs/audit.
CREATE FUNCTION audit_link(prev bytea, seq bigint, header text, payload_sha256 text) RETURNS bytea
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN sha256(prev || convert_to('{"event":' || header || ',"payloadSha256":"' || payload_sha256 || '","seq":' || seq::text || '}', 'UTF8'));

-- Refuses UPDATE, DELETE and TRUNCATE whoever asks (the owner too), except sealing an event recorded before
-- the chain existed: its hash goes from NULL to a value and nothing else changes (the `audit seal` command).
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.hash IS NULL AND NEW.hash IS NOT NULL
           AND (NEW.id, NEW.office_id, NEW.seq, NEW.occurred_at, NEW.action, NEW.actor_subject, NEW.actor_person_id, NEW.actor_position_id,
                NEW.on_behalf_of_position_id, NEW.order_ref, NEW.target_type, NEW.target_id, NEW.version_hash, NEW.request_id, NEW.payload)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.office_id, OLD.seq, OLD.occurred_at, OLD.action, OLD.actor_subject, OLD.actor_person_id, OLD.actor_position_id,
                OLD.on_behalf_of_position_id, OLD.order_ref, OLD.target_type, OLD.target_id, OLD.version_hash, OLD.request_id, OLD.payload) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$fn$;

CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- Migrations run as the owner role, the application as a member of kasian_app (both made by the operator's set-up
-- before migrating: scripts/services.sh, deploy/postgres/init.sql). The application reads and writes its tables
-- but cannot change or remove audit events or checkpoints, cannot remove chain heads, and owns nothing.
GRANT USAGE ON SCHEMA public TO kasian_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kasian_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO kasian_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kasian_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO kasian_app;
REVOKE ALL ON TABLE "_prisma_migrations" FROM kasian_app;
REVOKE UPDATE, DELETE, TRUNCATE ON TABLE "audit_events", "audit_checkpoints" FROM kasian_app, PUBLIC;
REVOKE DELETE, TRUNCATE ON TABLE "audit_chain_heads" FROM kasian_app, PUBLIC;
