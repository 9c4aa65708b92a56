import {
  ChromiumPdfRenderer,
  loadLaksaman,
  type OfficialFont,
  type PdfRenderer,
  type PrintableDocument,
  renderAnnouncementHtml,
  renderMemoHtml,
  renderItaReportHtml,
  renderOrderHtml,
} from '@kasian/documents';

export type RendererLauncher = () => Promise<PdfRenderer>;

function htmlOf(document: PrintableDocument, font: OfficialFont): string {
  switch (document.kind) {
    case 'ORDER':
      return renderOrderHtml(document.order, { font });
    case 'ANNOUNCEMENT':
      return renderAnnouncementHtml(document.announcement, { font });
    case 'REPORT':
      return renderItaReportHtml(document.report, { font });
    case 'MEMO':
      return renderMemoHtml(document.memo, { font, ...(document.timeline ? { timeline: document.timeline } : {}) });
  }
}

/**
 * One long-lived renderer for the worker. Chromium is launched on the first print, not at start,
 * so a worker on a machine where it is broken still starts and answers health; a failed launch
 * is retried by the next print.
 */
export class OfficialPrinter {
  private renderer: Promise<PdfRenderer> | null = null;
  private font: Promise<OfficialFont> | null = null;
  private launchCount = 0;

  constructor(
    private readonly launch: RendererLauncher = () => ChromiumPdfRenderer.launch(),
    private readonly loadFont: () => Promise<OfficialFont> = () => loadLaksaman(),
  ) {}

  get launches(): number {
    return this.launchCount;
  }

  async print(document: PrintableDocument): Promise<Uint8Array> {
    const [renderer, font] = await Promise.all([this.started(), this.loadedFont()]);
    return renderer.print(htmlOf(document, font));
  }

  async close(): Promise<void> {
    const renderer = this.renderer;
    this.renderer = null;
    await (await renderer?.catch(() => null))?.close();
  }

  private started(): Promise<PdfRenderer> {
    this.renderer ??= this.start();
    return this.renderer;
  }

  private async start(): Promise<PdfRenderer> {
    this.launchCount++;
    try {
      return await this.launch();
    } catch (error) {
      this.renderer = null;
      throw error;
    }
  }

  private loadedFont(): Promise<OfficialFont> {
    this.font ??= this.loadFont().catch((error: unknown) => {
      this.font = null;
      throw error;
    });
    return this.font;
  }
}
