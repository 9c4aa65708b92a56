-- CreateEnum
CREATE TYPE "evidence_status" AS ENUM ('ACTIVE', 'DELETED');

-- CreateTable
CREATE TABLE "evidence_files" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "bucket" TEXT NOT NULL,
    "object_key" TEXT NOT NULL,
    "object_version_id" TEXT,
    "original_name" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploaded_by_person_id" UUID NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "evidence_status" NOT NULL DEFAULT 'ACTIVE',
    "deleted_at" TIMESTAMPTZ(3),
    "deleted_by_person_id" UUID,
    "deleted_reason" TEXT,
    "locked_at" TIMESTAMPTZ(3),
    "object_missing_at" TIMESTAMPTZ(3),

    CONSTRAINT "evidence_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence_attachments" (
    "office_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "evidence_id" UUID NOT NULL,
    "version_no" INTEGER NOT NULL,
    "attached_by_person_id" UUID NOT NULL,
    "attached_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "evidence_attachments_pkey" PRIMARY KEY ("document_id","evidence_id")
);

-- CreateIndex
CREATE INDEX "evidence_files_office_id_uploaded_at_idx" ON "evidence_files"("office_id", "uploaded_at");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_files_id_office_id_key" ON "evidence_files"("id", "office_id");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_files_bucket_object_key_key" ON "evidence_files"("bucket", "object_key");

-- CreateIndex
CREATE INDEX "evidence_attachments_office_id_evidence_id_idx" ON "evidence_attachments"("office_id", "evidence_id");

-- AddForeignKey
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_person_id_office_id_fkey" FOREIGN KEY ("uploaded_by_person_id", "office_id") REFERENCES "people"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_deleted_by_person_id_office_id_fkey" FOREIGN KEY ("deleted_by_person_id", "office_id") REFERENCES "people"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_attachments" ADD CONSTRAINT "evidence_attachments_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_attachments" ADD CONSTRAINT "evidence_attachments_document_id_office_id_fkey" FOREIGN KEY ("document_id", "office_id") REFERENCES "documents"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_attachments" ADD CONSTRAINT "evidence_attachments_document_id_version_no_fkey" FOREIGN KEY ("document_id", "version_no") REFERENCES "document_versions"("document_id", "version_no") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_attachments" ADD CONSTRAINT "evidence_attachments_evidence_id_office_id_fkey" FOREIGN KEY ("evidence_id", "office_id") REFERENCES "evidence_files"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_attachments" ADD CONSTRAINT "evidence_attachments_attached_by_person_id_office_id_fkey" FOREIGN KEY ("attached_by_person_id", "office_id") REFERENCES "people"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (no semicolons in comments): checks and the partial index the lock sweep reads (ADR 0012).
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_size_check" CHECK ("size" >= 0);
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_deleted_check"
    CHECK (("status" = 'DELETED') = ("deleted_at" IS NOT NULL AND "deleted_by_person_id" IS NOT NULL AND "deleted_reason" IS NOT NULL));
CREATE INDEX "evidence_files_unlocked_idx" ON "evidence_files" ("office_id", "id") WHERE "locked_at" IS NULL;
