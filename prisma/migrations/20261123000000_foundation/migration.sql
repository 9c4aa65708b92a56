-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "office_kind" AS ENUM ('SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION', 'SUBDISTRICT_MUNICIPALITY', 'TOWN_MUNICIPALITY', 'CITY_MUNICIPALITY', 'PROVINCIAL_ADMINISTRATIVE_ORGANIZATION');

-- CreateEnum
CREATE TYPE "unit_kind" AS ENUM ('BUREAU', 'DIVISION', 'SECTION', 'WORK_UNIT', 'OTHER');

-- CreateEnum
CREATE TYPE "position_kind" AS ENUM ('EXECUTIVE', 'DEPUTY_EXECUTIVE', 'PERMANENT_SECRETARY', 'DEPUTY_PERMANENT_SECRETARY', 'UNIT_HEAD', 'STAFF');

-- CreateEnum
CREATE TYPE "assignment_capacity" AS ENUM ('SUBSTANTIVE', 'ACTING', 'DELEGATED');

-- CreateTable
CREATE TABLE "offices" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "office_kind" NOT NULL,
    "name_th" TEXT NOT NULL,
    "subdistrict" TEXT,
    "district" TEXT,
    "province" TEXT,
    "doc_prefix" TEXT,
    "doc_office_code" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "offices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "units" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "parent_id" UUID,
    "kind" "unit_kind" NOT NULL,
    "name_th" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "positions" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "position_kind" NOT NULL,
    "title_th" TEXT NOT NULL,
    "unit_id" UUID,
    "heads_unit_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "positions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "honorific" TEXT,
    "rank" TEXT,
    "given_name" TEXT NOT NULL,
    "surname" TEXT NOT NULL,
    "subject" TEXT,
    "username" TEXT,
    "email" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "position_assignments" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "position_id" UUID NOT NULL,
    "capacity" "assignment_capacity" NOT NULL DEFAULT 'SUBSTANTIVE',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "order_ref" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "position_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "offices_code_key" ON "offices"("code");

-- CreateIndex
CREATE INDEX "units_office_id_idx" ON "units"("office_id");

-- CreateIndex
CREATE UNIQUE INDEX "units_id_office_id_key" ON "units"("id", "office_id");

-- CreateIndex
CREATE UNIQUE INDEX "units_office_id_parent_id_name_th_key" ON "units"("office_id", "parent_id", "name_th");

-- CreateIndex
CREATE INDEX "positions_office_id_idx" ON "positions"("office_id");

-- CreateIndex
CREATE UNIQUE INDEX "positions_id_office_id_key" ON "positions"("id", "office_id");

-- CreateIndex
CREATE UNIQUE INDEX "positions_heads_unit_id_office_id_key" ON "positions"("heads_unit_id", "office_id");

-- CreateIndex
CREATE UNIQUE INDEX "positions_office_id_code_key" ON "positions"("office_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "people_subject_key" ON "people"("subject");

-- CreateIndex
CREATE INDEX "people_office_id_idx" ON "people"("office_id");

-- CreateIndex
CREATE UNIQUE INDEX "people_id_office_id_key" ON "people"("id", "office_id");

-- CreateIndex
CREATE UNIQUE INDEX "people_office_id_username_key" ON "people"("office_id", "username");

-- CreateIndex
CREATE INDEX "position_assignments_office_id_idx" ON "position_assignments"("office_id");

-- CreateIndex
CREATE INDEX "position_assignments_position_id_starts_at_idx" ON "position_assignments"("position_id", "starts_at");

-- CreateIndex
CREATE INDEX "position_assignments_person_id_starts_at_idx" ON "position_assignments"("person_id", "starts_at");

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_office_id_fkey" FOREIGN KEY ("parent_id", "office_id") REFERENCES "units"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "positions" ADD CONSTRAINT "positions_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "positions" ADD CONSTRAINT "positions_unit_id_office_id_fkey" FOREIGN KEY ("unit_id", "office_id") REFERENCES "units"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "positions" ADD CONSTRAINT "positions_heads_unit_id_office_id_fkey" FOREIGN KEY ("heads_unit_id", "office_id") REFERENCES "units"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people" ADD CONSTRAINT "people_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "position_assignments" ADD CONSTRAINT "position_assignments_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "position_assignments" ADD CONSTRAINT "position_assignments_person_id_office_id_fkey" FOREIGN KEY ("person_id", "office_id") REFERENCES "people"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "position_assignments" ADD CONSTRAINT "position_assignments_position_id_office_id_fkey" FOREIGN KEY ("position_id", "office_id") REFERENCES "positions"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written (no semicolons in comments: the driver adapter splits the script on them): constraints Prisma's schema language cannot express.
-- A period ends after it starts (ends_at is exclusive).
ALTER TABLE "position_assignments" ADD CONSTRAINT "position_assignments_period_check"
    CHECK ("ends_at" IS NULL OR "ends_at" > "starts_at");

-- One substantive holder per position at any instant (acting and delegated
-- grants may overlap: the routing engine resolves those by its own rule).
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "position_assignments" ADD CONSTRAINT "position_assignments_one_substantive_holder"
    EXCLUDE USING gist ("position_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
    WHERE ("capacity" = 'SUBSTANTIVE');
