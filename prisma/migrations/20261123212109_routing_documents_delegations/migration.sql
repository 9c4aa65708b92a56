-- CreateEnum
CREATE TYPE "document_kind" AS ENUM ('MEMO', 'ORDER', 'ANNOUNCEMENT', 'REPORT');

-- Hand-written: the exclusion constraint's predicate names the enum type being replaced
-- (DELEGATED moves to the delegations table), so it is dropped and re-created around the change.
ALTER TABLE "position_assignments" DROP CONSTRAINT "position_assignments_one_substantive_holder";

-- AlterEnum
BEGIN;
CREATE TYPE "assignment_capacity_new" AS ENUM ('SUBSTANTIVE', 'ACTING');
ALTER TABLE "position_assignments" ALTER COLUMN "capacity" DROP DEFAULT;
ALTER TABLE "position_assignments" ALTER COLUMN "capacity" TYPE "assignment_capacity_new" USING ("capacity"::text::"assignment_capacity_new");
ALTER TYPE "assignment_capacity" RENAME TO "assignment_capacity_old";
ALTER TYPE "assignment_capacity_new" RENAME TO "assignment_capacity";
DROP TYPE "assignment_capacity_old";
ALTER TABLE "position_assignments" ALTER COLUMN "capacity" SET DEFAULT 'SUBSTANTIVE';
COMMIT;

-- CreateTable
CREATE TABLE "delegations" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "principal_position_id" UUID NOT NULL,
    "delegate_position_id" UUID NOT NULL,
    "document_kinds" TEXT[],
    "outcomes" TEXT[],
    "order_ref" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delegations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "documents" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "kind" "document_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "drafter_person_id" UUID NOT NULL,
    "drafter_position_id" UUID NOT NULL,
    "current_version_no" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_versions" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "version_no" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "created_by_person_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "route_templates" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "document_kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "route_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "route_instances" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "template_id" UUID NOT NULL,
    "template_version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "state" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "route_instances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "route_events" (
    "id" BIGSERIAL NOT NULL,
    "office_id" UUID NOT NULL,
    "instance_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "event" JSONB NOT NULL,

    CONSTRAINT "route_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "route_waiting" (
    "office_id" UUID NOT NULL,
    "instance_id" UUID NOT NULL,
    "position_id" UUID NOT NULL,
    "step_key" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "route_waiting_pkey" PRIMARY KEY ("instance_id","position_id")
);

-- CreateIndex
CREATE INDEX "delegations_office_id_delegate_position_id_idx" ON "delegations"("office_id", "delegate_position_id");

-- CreateIndex
CREATE INDEX "delegations_office_id_principal_position_id_idx" ON "delegations"("office_id", "principal_position_id");

-- CreateIndex
CREATE INDEX "documents_office_id_drafter_person_id_idx" ON "documents"("office_id", "drafter_person_id");

-- CreateIndex
CREATE UNIQUE INDEX "documents_id_office_id_key" ON "documents"("id", "office_id");

-- CreateIndex
CREATE INDEX "document_versions_office_id_idx" ON "document_versions"("office_id");

-- CreateIndex
CREATE UNIQUE INDEX "document_versions_document_id_version_no_key" ON "document_versions"("document_id", "version_no");

-- CreateIndex
CREATE UNIQUE INDEX "route_templates_office_id_document_kind_version_key" ON "route_templates"("office_id", "document_kind", "version");

-- CreateIndex
CREATE INDEX "route_instances_office_id_status_idx" ON "route_instances"("office_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "route_instances_id_office_id_key" ON "route_instances"("id", "office_id");

-- CreateIndex
CREATE UNIQUE INDEX "route_instances_document_id_office_id_key" ON "route_instances"("document_id", "office_id");

-- CreateIndex
CREATE INDEX "route_events_office_id_idx" ON "route_events"("office_id");

-- CreateIndex
CREATE UNIQUE INDEX "route_events_instance_id_version_key" ON "route_events"("instance_id", "version");

-- CreateIndex
CREATE INDEX "route_waiting_office_id_position_id_since_idx" ON "route_waiting"("office_id", "position_id", "since");

-- AddForeignKey
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_principal_position_id_office_id_fkey" FOREIGN KEY ("principal_position_id", "office_id") REFERENCES "positions"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_delegate_position_id_office_id_fkey" FOREIGN KEY ("delegate_position_id", "office_id") REFERENCES "positions"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_office_id_fkey" FOREIGN KEY ("document_id", "office_id") REFERENCES "documents"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "route_templates" ADD CONSTRAINT "route_templates_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "route_instances" ADD CONSTRAINT "route_instances_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "route_instances" ADD CONSTRAINT "route_instances_document_id_office_id_fkey" FOREIGN KEY ("document_id", "office_id") REFERENCES "documents"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "route_events" ADD CONSTRAINT "route_events_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "route_events" ADD CONSTRAINT "route_events_instance_id_office_id_fkey" FOREIGN KEY ("instance_id", "office_id") REFERENCES "route_instances"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "route_waiting" ADD CONSTRAINT "route_waiting_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "route_waiting" ADD CONSTRAINT "route_waiting_instance_id_office_id_fkey" FOREIGN KEY ("instance_id", "office_id") REFERENCES "route_instances"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (no semicolons in comments): constraints Prisma's schema language cannot express.
ALTER TABLE "position_assignments" ADD CONSTRAINT "position_assignments_one_substantive_holder"
    EXCLUDE USING gist ("position_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
    WHERE ("capacity" = 'SUBSTANTIVE');

ALTER TABLE "delegations" ADD CONSTRAINT "delegations_period_check"
    CHECK ("ends_at" IS NULL OR "ends_at" > "starts_at");
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_not_to_itself_check"
    CHECK ("principal_position_id" <> "delegate_position_id");
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_outcomes_check"
    CHECK ("outcomes" <@ ARRAY['positive', 'neutral', 'negative']::text[]);
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_version_no_check" CHECK ("version_no" >= 1);
