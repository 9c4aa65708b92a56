-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "register_id" UUID;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_register_id_office_id_fkey" FOREIGN KEY ("register_id", "office_id") REFERENCES "registers"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (no semicolons in comments): documents drafted before this migration are bound to their office's register of their kind when the office has exactly one (ADR 0011).
UPDATE "documents" d SET "register_id" = r."id"
  FROM "registers" r
 WHERE r."office_id" = d."office_id" AND r."document_kind" = d."kind" AND d."register_id" IS NULL
   AND (SELECT count(*) FROM "registers" o WHERE o."office_id" = d."office_id" AND o."document_kind" = d."kind") = 1;
