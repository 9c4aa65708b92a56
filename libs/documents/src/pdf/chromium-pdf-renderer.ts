import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { PdfRenderer } from './pdf-renderer.port';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The flags of the toolchain notes ("Browsers"); Playwright adds a fresh temporary --user-data-dir per launch. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
] as const;

export interface ChromiumPdfRendererOptions {
  readonly executablePath?: string;
  /** Per print, from setContent to the PDF bytes. */
  readonly timeoutMs?: number;
}

export class PdfRenderingError extends Error {}

/** The part of the page's FontFaceSet read here; the project compiles without the DOM library. */
interface PageFonts {
  readonly ready: Promise<unknown>;
  [Symbol.iterator](): Iterator<{ readonly family: string; readonly weight: string; readonly status: string }>;
}

/** One browser and one offline, script-free context per instance; a page per print. */
export class ChromiumPdfRenderer implements PdfRenderer {
  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    private readonly timeoutMs: number,
  ) {}

  static async launch(options: ChromiumPdfRendererOptions = {}): Promise<ChromiumPdfRenderer> {
    const browser = await chromium.launch({
      executablePath: options.executablePath ?? DEBIAN_CHROMIUM,
      headless: true,
      args: [...CHROMIUM_FLAGS],
    });
    try {
      const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
      return new ChromiumPdfRenderer(browser, context, options.timeoutMs ?? 30_000);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  async print(html: string): Promise<Uint8Array> {
    const page = await this.context.newPage();
    try {
      page.setDefaultTimeout(this.timeoutMs);
      await page.setContent(html, { waitUntil: 'load' });
      await this.assertFontsLoaded(page);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await page.close();
    }
  }

  private async assertFontsLoaded(page: Page): Promise<void> {
    const faces = await page.evaluate(async () => {
      const fonts = (globalThis as unknown as { document: { fonts: PageFonts } }).document.fonts;
      await fonts.ready;
      return [...fonts].map((f) => ({ face: `${f.family} ${f.weight}`, status: f.status }));
    });
    const failed = faces.filter((f) => f.status === 'error').map((f) => f.face);
    if (failed.length > 0 || !faces.some((f) => f.status === 'loaded')) {
      throw new PdfRenderingError(`Fonts not loaded: ${failed.join(', ') || 'none of the page fonts'}`);
    }
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.browser.close();
  }
}
