-- CreateEnum
CREATE TYPE "ita_instrument" AS ENUM ('IIT', 'EIT', 'OIT');

-- CreateEnum
CREATE TYPE "ita_import_kind" AS ENUM ('PLAN', 'OIT_ASSIGNMENT');

-- CreateEnum
CREATE TYPE "ita_progress" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE');

-- CreateEnum
CREATE TYPE "ita_score_scope" AS ENUM ('OVERALL', 'INSTRUMENT', 'INDICATOR', 'OIT_ITEM');

-- CreateTable
CREATE TABLE "ita_frameworks" (
    "id" UUID NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "name_th" TEXT NOT NULL,
    "source" TEXT,
    "content_hash" TEXT NOT NULL,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "imported_by_subject" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ita_frameworks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ita_indicators" (
    "id" UUID NOT NULL,
    "framework_id" UUID NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "code_norm" TEXT NOT NULL,
    "parent_id" UUID,
    "instrument" "ita_instrument" NOT NULL,
    "name_th" TEXT,
    "printed_group" TEXT,
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "ita_indicators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ita_oit_items" (
    "id" UUID NOT NULL,
    "framework_id" UUID NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "code_norm" TEXT NOT NULL,
    "occurrence" INTEGER NOT NULL DEFAULT 1,
    "indicator_id" UUID,
    "title_th" TEXT NOT NULL,
    "requirements" TEXT,

    CONSTRAINT "ita_oit_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ita_imports" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "kind" "ita_import_kind" NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "source" JSONB NOT NULL,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "imported_by_person_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ita_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ita_plans" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "title_th" TEXT NOT NULL,
    "title_fiscal_year" INTEGER,
    "columns" JSONB NOT NULL,
    "import_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ita_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ita_measures" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "title_th" TEXT NOT NULL,
    "method" TEXT,
    "timeframe" TEXT,
    "responsible_text" TEXT NOT NULL,
    "summary" TEXT,
    "outcome" TEXT,
    "follow_up" TEXT,
    "result" TEXT,
    "status" "ita_progress" NOT NULL DEFAULT 'NOT_STARTED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ita_measures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ita_oit_assignments" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "oit_item_id" UUID NOT NULL,
    "responsible_text" TEXT NOT NULL,
    "status" "ita_progress" NOT NULL DEFAULT 'NOT_STARTED',
    "progress" TEXT,
    "import_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ita_oit_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ita_responsible_units" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "measure_id" UUID,
    "assignment_id" UUID,
    "unit_id" UUID NOT NULL,
    "text_as_published" TEXT NOT NULL,

    CONSTRAINT "ita_responsible_units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ita_evidence_links" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "measure_id" UUID,
    "assignment_id" UUID,
    "evidence_id" UUID,
    "document_id" UUID,
    "note" TEXT,
    "linked_by_person_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ita_evidence_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ita_scores" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "scope" "ita_score_scope" NOT NULL,
    "code" TEXT NOT NULL DEFAULT '',
    "score" DECIMAL(5,2) NOT NULL,
    "score_text" TEXT NOT NULL,
    "level" TEXT,
    "source" TEXT,
    "entered_by_person_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ita_scores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ita_reports" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "document_id" UUID NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "published_signature" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ita_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ita_frameworks_fiscal_year_key" ON "ita_frameworks"("fiscal_year");

-- CreateIndex
CREATE UNIQUE INDEX "ita_frameworks_id_fiscal_year_key" ON "ita_frameworks"("id", "fiscal_year");

-- CreateIndex
CREATE INDEX "ita_indicators_framework_id_idx" ON "ita_indicators"("framework_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_indicators_fiscal_year_code_norm_key" ON "ita_indicators"("fiscal_year", "code_norm");

-- CreateIndex
CREATE UNIQUE INDEX "ita_oit_items_framework_id_ordinal_key" ON "ita_oit_items"("framework_id", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "ita_oit_items_fiscal_year_code_norm_occurrence_key" ON "ita_oit_items"("fiscal_year", "code_norm", "occurrence");

-- CreateIndex
CREATE UNIQUE INDEX "ita_oit_items_id_fiscal_year_key" ON "ita_oit_items"("id", "fiscal_year");

-- CreateIndex
CREATE INDEX "ita_imports_office_id_fiscal_year_idx" ON "ita_imports"("office_id", "fiscal_year");

-- CreateIndex
CREATE UNIQUE INDEX "ita_imports_id_office_id_key" ON "ita_imports"("id", "office_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_plans_id_office_id_key" ON "ita_plans"("id", "office_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_plans_office_id_fiscal_year_key" ON "ita_plans"("office_id", "fiscal_year");

-- CreateIndex
CREATE INDEX "ita_measures_office_id_idx" ON "ita_measures"("office_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_measures_id_office_id_key" ON "ita_measures"("id", "office_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_measures_plan_id_ordinal_key" ON "ita_measures"("plan_id", "ordinal");

-- CreateIndex
CREATE INDEX "ita_oit_assignments_office_id_fiscal_year_idx" ON "ita_oit_assignments"("office_id", "fiscal_year");

-- CreateIndex
CREATE UNIQUE INDEX "ita_oit_assignments_id_office_id_key" ON "ita_oit_assignments"("id", "office_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_oit_assignments_office_id_oit_item_id_key" ON "ita_oit_assignments"("office_id", "oit_item_id");

-- CreateIndex
CREATE INDEX "ita_responsible_units_office_id_idx" ON "ita_responsible_units"("office_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_responsible_units_measure_id_unit_id_key" ON "ita_responsible_units"("measure_id", "unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_responsible_units_assignment_id_unit_id_key" ON "ita_responsible_units"("assignment_id", "unit_id");

-- CreateIndex
CREATE INDEX "ita_evidence_links_office_id_evidence_id_idx" ON "ita_evidence_links"("office_id", "evidence_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_evidence_links_measure_id_evidence_id_key" ON "ita_evidence_links"("measure_id", "evidence_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_evidence_links_measure_id_document_id_key" ON "ita_evidence_links"("measure_id", "document_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_evidence_links_assignment_id_evidence_id_key" ON "ita_evidence_links"("assignment_id", "evidence_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_evidence_links_assignment_id_document_id_key" ON "ita_evidence_links"("assignment_id", "document_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_scores_office_id_fiscal_year_scope_code_key" ON "ita_scores"("office_id", "fiscal_year", "scope", "code");

-- CreateIndex
CREATE INDEX "ita_reports_office_id_fiscal_year_idx" ON "ita_reports"("office_id", "fiscal_year");

-- CreateIndex
CREATE UNIQUE INDEX "ita_reports_document_id_key" ON "ita_reports"("document_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_reports_document_id_office_id_key" ON "ita_reports"("document_id", "office_id");

-- AddForeignKey
ALTER TABLE "ita_indicators" ADD CONSTRAINT "ita_indicators_framework_id_fiscal_year_fkey" FOREIGN KEY ("framework_id", "fiscal_year") REFERENCES "ita_frameworks"("id", "fiscal_year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_indicators" ADD CONSTRAINT "ita_indicators_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "ita_indicators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_oit_items" ADD CONSTRAINT "ita_oit_items_framework_id_fiscal_year_fkey" FOREIGN KEY ("framework_id", "fiscal_year") REFERENCES "ita_frameworks"("id", "fiscal_year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_oit_items" ADD CONSTRAINT "ita_oit_items_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "ita_indicators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_imports" ADD CONSTRAINT "ita_imports_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_plans" ADD CONSTRAINT "ita_plans_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_measures" ADD CONSTRAINT "ita_measures_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_measures" ADD CONSTRAINT "ita_measures_plan_id_office_id_fkey" FOREIGN KEY ("plan_id", "office_id") REFERENCES "ita_plans"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_oit_assignments" ADD CONSTRAINT "ita_oit_assignments_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_oit_assignments" ADD CONSTRAINT "ita_oit_assignments_oit_item_id_fiscal_year_fkey" FOREIGN KEY ("oit_item_id", "fiscal_year") REFERENCES "ita_oit_items"("id", "fiscal_year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_responsible_units" ADD CONSTRAINT "ita_responsible_units_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_responsible_units" ADD CONSTRAINT "ita_responsible_units_measure_id_office_id_fkey" FOREIGN KEY ("measure_id", "office_id") REFERENCES "ita_measures"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_responsible_units" ADD CONSTRAINT "ita_responsible_units_assignment_id_office_id_fkey" FOREIGN KEY ("assignment_id", "office_id") REFERENCES "ita_oit_assignments"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_responsible_units" ADD CONSTRAINT "ita_responsible_units_unit_id_office_id_fkey" FOREIGN KEY ("unit_id", "office_id") REFERENCES "units"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_evidence_links" ADD CONSTRAINT "ita_evidence_links_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_evidence_links" ADD CONSTRAINT "ita_evidence_links_measure_id_office_id_fkey" FOREIGN KEY ("measure_id", "office_id") REFERENCES "ita_measures"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_evidence_links" ADD CONSTRAINT "ita_evidence_links_assignment_id_office_id_fkey" FOREIGN KEY ("assignment_id", "office_id") REFERENCES "ita_oit_assignments"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_evidence_links" ADD CONSTRAINT "ita_evidence_links_document_id_office_id_fkey" FOREIGN KEY ("document_id", "office_id") REFERENCES "documents"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_scores" ADD CONSTRAINT "ita_scores_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_reports" ADD CONSTRAINT "ita_reports_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_reports" ADD CONSTRAINT "ita_reports_plan_id_office_id_fkey" FOREIGN KEY ("plan_id", "office_id") REFERENCES "ita_plans"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_reports" ADD CONSTRAINT "ita_reports_document_id_office_id_fkey" FOREIGN KEY ("document_id", "office_id") REFERENCES "documents"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (no semicolons in comments): who a row belongs to and what it points at, exactly one of each, and published score bounds.
ALTER TABLE "ita_responsible_units" ADD CONSTRAINT "ita_responsible_units_one_owner_check" CHECK (num_nonnulls("measure_id", "assignment_id") = 1);
ALTER TABLE "ita_evidence_links" ADD CONSTRAINT "ita_evidence_links_one_owner_check" CHECK (num_nonnulls("measure_id", "assignment_id") = 1);
ALTER TABLE "ita_evidence_links" ADD CONSTRAINT "ita_evidence_links_one_target_check" CHECK (num_nonnulls("evidence_id", "document_id") = 1);
ALTER TABLE "ita_oit_items" ADD CONSTRAINT "ita_oit_items_occurrence_check" CHECK ("occurrence" >= 1);
ALTER TABLE "ita_scores" ADD CONSTRAINT "ita_scores_score_check" CHECK ("score" >= 0 AND "score" <= 100);
