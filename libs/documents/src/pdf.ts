import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** Noto Sans SC (SIL OFL) from the npm package: pdfkit embeds only the glyphs a document uses. */
export const CJK_FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
export const CJK_FONT = 'NotoSansSC';

/** A4 in PDF points (1/72 inch). */
export const A4 = { width: 595.28, height: 841.89 } as const;

let fontBytes: Buffer | undefined;
/** The font file, read once per process (10 MB; subsetting happens per document). */
const cjkFont = (): Buffer => (fontBytes ??= readFileSync(CJK_FONT_FILE));

/**
 * An A4 portrait document with the CJK font registered and selected, so that Chinese and
 * English text both render; `info` is the PDF's metadata (title, subject).
 */
export function createA4Document(info: { title: string; subject?: string }, margin = 48): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin, info: { Title: info.title, Subject: info.subject ?? '', Producer: 'Agency Registry', Creator: 'Agency Registry' }, autoFirstPage: true });
  doc.registerFont(CJK_FONT, cjkFont());
  doc.font(CJK_FONT);
  return doc;
}

/** Ends the document and answers its bytes. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
