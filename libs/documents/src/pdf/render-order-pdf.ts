import type { Order } from '../order/order';
import { renderOrderHtml, type OrderHtmlOptions } from '../render/order-html';
import type { PdfRenderer } from './pdf-renderer.port';

export function renderOrderPdf(order: Order, renderer: PdfRenderer, options: OrderHtmlOptions): Promise<Uint8Array> {
  return renderer.print(renderOrderHtml(order, options));
}
