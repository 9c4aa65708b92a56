-- AlterEnum
ALTER TYPE "ita_import_kind" ADD VALUE 'IIT_ASSIGNMENT';

-- AlterTable
ALTER TABLE "offices" ADD COLUMN     "website" TEXT;

-- AlterTable
ALTER TABLE "ita_responsible_units" ADD COLUMN     "indicator_assignment_id" UUID;

-- CreateTable
CREATE TABLE "ita_indicator_assignments" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "indicator_id" UUID NOT NULL,
    "indicator_text" TEXT NOT NULL,
    "approach" TEXT,
    "responsible_text" TEXT NOT NULL,
    "timeframe" TEXT,
    "status" "ita_progress" NOT NULL DEFAULT 'NOT_STARTED',
    "progress" TEXT,
    "import_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ita_indicator_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ita_indicator_assignments_office_id_fiscal_year_idx" ON "ita_indicator_assignments"("office_id", "fiscal_year");

-- CreateIndex
CREATE UNIQUE INDEX "ita_indicator_assignments_id_office_id_key" ON "ita_indicator_assignments"("id", "office_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_indicator_assignments_office_id_indicator_id_key" ON "ita_indicator_assignments"("office_id", "indicator_id");

-- CreateIndex
CREATE UNIQUE INDEX "ita_indicators_id_fiscal_year_key" ON "ita_indicators"("id", "fiscal_year");

-- CreateIndex
CREATE UNIQUE INDEX "ita_responsible_units_indicator_assignment_id_unit_id_key" ON "ita_responsible_units"("indicator_assignment_id", "unit_id");

-- AddForeignKey
ALTER TABLE "ita_indicator_assignments" ADD CONSTRAINT "ita_indicator_assignments_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_indicator_assignments" ADD CONSTRAINT "ita_indicator_assignments_indicator_id_fiscal_year_fkey" FOREIGN KEY ("indicator_id", "fiscal_year") REFERENCES "ita_indicators"("id", "fiscal_year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ita_responsible_units" ADD CONSTRAINT "ita_responsible_units_indicator_assignment_id_office_id_fkey" FOREIGN KEY ("indicator_assignment_id", "office_id") REFERENCES "ita_indicator_assignments"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (no semicolons in comments): a responsible unit still belongs to exactly one measure, OIT assignment or indicator row.
ALTER TABLE "ita_responsible_units" DROP CONSTRAINT "ita_responsible_units_one_owner_check";
ALTER TABLE "ita_responsible_units" ADD CONSTRAINT "ita_responsible_units_one_owner_check" CHECK (num_nonnulls("measure_id", "assignment_id", "indicator_assignment_id") = 1);
