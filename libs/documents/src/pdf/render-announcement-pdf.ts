import type { Announcement } from '../announcement/announcement';
import { renderAnnouncementHtml, type AnnouncementHtmlOptions } from '../render/announcement-html';
import type { PdfRenderer } from './pdf-renderer.port';

export function renderAnnouncementPdf(announcement: Announcement, renderer: PdfRenderer, options: AnnouncementHtmlOptions): Promise<Uint8Array> {
  return renderer.print(renderAnnouncementHtml(announcement, options));
}
