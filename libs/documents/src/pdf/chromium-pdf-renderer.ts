import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { PdfRenderer } from './pdf-renderer.port';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The flags of the toolchain notes ("Browsers"); Playwright adds a fresh temporary --user-data-dir per launch.
 * `--disable-dev-shm-usage`: in a container /dev/shm is often 64 MB, and Chromium's renderer dies
 * on a long page ("Target page, context or browser has been closed"); /tmp has no such cap.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
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

interface BrowserSession {
  readonly browser: Browser;
  readonly context: BrowserContext;
}

async function openSession(executablePath: string): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS] });
  try {
    return { browser, context: await browser.newContext({ offline: true, javaScriptEnabled: false }) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * One browser and one offline, script-free context per instance; a page per print. When the
 * browser dies under a print (killed, out of memory), the print is tried once more on a newly
 * launched browser, so a long-lived worker does not stay broken after one crash.
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  private session: Promise<BrowserSession>;
  private launchCount = 1;

  private constructor(
    first: BrowserSession,
    private readonly executablePath: string,
    private readonly timeoutMs: number,
  ) {
    this.session = Promise.resolve(first);
  }

  static async launch(options: ChromiumPdfRendererOptions = {}): Promise<ChromiumPdfRenderer> {
    const executablePath = options.executablePath ?? DEBIAN_CHROMIUM;
    return new ChromiumPdfRenderer(await openSession(executablePath), executablePath, options.timeoutMs ?? 30_000);
  }

  /** Browsers launched so far, the first included. */
  get launches(): number {
    return this.launchCount;
  }

  async print(html: string): Promise<Uint8Array> {
    const session = await this.session;
    try {
      return await this.printOn(session, html);
    } catch (error) {
      if (session.browser.isConnected()) throw error;
      return this.printOn(await this.relaunchAfter(session), html);
    }
  }

  async close(): Promise<void> {
    const session = await this.session.catch(() => null);
    await session?.context.close().catch(() => undefined);
    await session?.browser.close();
  }

  /**
   * Concurrent prints that saw the same crash share one new browser; if it cannot be launched,
   * the dead session is kept so that the next print tries again.
   */
  private relaunchAfter(crashed: BrowserSession): Promise<BrowserSession> {
    return this.session.then((current) => {
      if (current !== crashed) return current;
      this.launchCount++;
      this.session = openSession(this.executablePath).catch((error: unknown) => {
        this.session = Promise.resolve(crashed);
        throw error;
      });
      return this.session;
    });
  }

  private async printOn({ context }: BrowserSession, html: string): Promise<Uint8Array> {
    const page = await context.newPage();
    try {
      page.setDefaultTimeout(this.timeoutMs);
      await page.setContent(html, { waitUntil: 'load' });
      await this.assertFontsLoaded(page);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await page.close().catch(() => undefined);
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
}
