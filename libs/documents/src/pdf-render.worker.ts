import { PdfDocumentService } from './pdf-document.service';

/** What a worker renders: `exportName` of `module` (an absolute path), called with the layout toolkit and `input`. */
export interface PdfRenderTask {
  module: string;
  exportName: string;
  input: unknown;
}

type Layout = (pdf: PdfDocumentService, input: unknown) => Promise<Buffer>;

const toolkit = new PdfDocumentService();

/**
 * The worker thread's entry (piscina): lays out one PDF. pdfkit's layout and compression are
 * synchronous CPU work of tens of milliseconds a page; here they do not hold up the API's event loop.
 */
export default async function renderPdf(task: PdfRenderTask): Promise<Uint8Array> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const layout = (require(task.module) as Record<string, Layout>)[task.exportName];
  if (typeof layout !== 'function') throw new Error(`${task.module} exports no layout ${task.exportName}`);
  return layout(toolkit, task.input);
}

/** The bilingual document layout, for PdfRenderer.bilingual(). */
export const bilingual: Layout = (pdf, input) => pdf.render(input as Parameters<PdfDocumentService['render']>[0]);
