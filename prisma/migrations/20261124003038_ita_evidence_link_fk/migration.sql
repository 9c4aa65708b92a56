-- AddForeignKey
ALTER TABLE "ita_evidence_links" ADD CONSTRAINT "ita_evidence_links_evidence_id_office_id_fkey" FOREIGN KEY ("evidence_id", "office_id") REFERENCES "evidence_files"("id", "office_id") ON DELETE RESTRICT ON UPDATE CASCADE;
