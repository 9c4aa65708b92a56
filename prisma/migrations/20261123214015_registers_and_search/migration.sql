-- CreateEnum
CREATE TYPE "register_year_kind" AS ENUM ('CALENDAR', 'FISCAL');

-- CreateEnum
CREATE TYPE "register_format" AS ENUM ('MEMO_STYLE', 'ORDER_STYLE');

-- CreateEnum
CREATE TYPE "register_issue_at" AS ENUM ('SIGN_OFF', 'SUBMIT');

-- CreateEnum
CREATE TYPE "register_entry_source" AS ENUM ('ALLOCATED', 'MANUAL', 'IMPORTED');

-- CreateEnum
CREATE TYPE "register_entry_status" AS ENUM ('ISSUED', 'CANCELLED');

-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "search_text" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "registers" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name_th" TEXT NOT NULL,
    "document_kind" "document_kind" NOT NULL,
    "year_kind" "register_year_kind" NOT NULL,
    "format" "register_format" NOT NULL,
    "prefix" TEXT,
    "prefix_aliases" TEXT[],
    "office_code" TEXT,
    "issue_at" "register_issue_at" NOT NULL DEFAULT 'SIGN_OFF',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "register_counters" (
    "office_id" UUID NOT NULL,
    "register_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last_number" INTEGER NOT NULL,

    CONSTRAINT "register_counters_pkey" PRIMARY KEY ("register_id","year")
);

-- CreateTable
CREATE TABLE "register_entries" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "register_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "number_text" TEXT NOT NULL,
    "document_id" UUID,
    "subject" TEXT,
    "source" "register_entry_source" NOT NULL,
    "status" "register_entry_status" NOT NULL DEFAULT 'ISSUED',
    "cancelled_reason" TEXT,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "register_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "registers_id_office_id_key" ON "registers"("id", "office_id");

-- CreateIndex
CREATE UNIQUE INDEX "registers_office_id_code_key" ON "registers"("office_id", "code");

-- CreateIndex
CREATE INDEX "register_entries_office_id_document_id_idx" ON "register_entries"("office_id", "document_id");

-- CreateIndex
CREATE UNIQUE INDEX "register_entries_register_id_year_number_key" ON "register_entries"("register_id", "year", "number");

-- AddForeignKey
ALTER TABLE "registers" ADD CONSTRAINT "registers_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "register_counters" ADD CONSTRAINT "register_counters_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "register_counters" ADD CONSTRAINT "register_counters_register_id_office_id_fkey" FOREIGN KEY ("register_id", "office_id") REFERENCES "registers"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_register_id_office_id_fkey" FOREIGN KEY ("register_id", "office_id") REFERENCES "registers"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_document_id_office_id_fkey" FOREIGN KEY ("document_id", "office_id") REFERENCES "documents"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (no semicolons in comments): constraints and the Thai search index (ADR 0008).
ALTER TABLE "register_counters" ADD CONSTRAINT "register_counters_last_number_check" CHECK ("last_number" >= 1);
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_number_check" CHECK ("number" >= 1);
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_cancel_reason_check"
    CHECK (("status" = 'CANCELLED') = ("cancelled_reason" IS NOT NULL));
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "documents_search_text_trgm_idx" ON "documents" USING gin ("search_text" gin_trgm_ops);
