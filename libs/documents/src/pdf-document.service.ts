import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';

/** Noto Sans SC (SIL OFL), which covers Chinese and English: pdfkit embeds only the glyphs a document uses, so a page stays a few tens of KB. */
const CJK_FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const CJK_FONT = 'cjk';

let cjkFontBytes: Buffer | undefined;
/**
 * The font file (10 MB), read on the first document and kept for the life of the process: given
 * a path, pdfkit would read it again for every document. pdfkit still subsets it per document.
 */
const cjkFont = (): Buffer => (cjkFontBytes ??= readFileSync(CJK_FONT_FILE));

/** One block of a bilingual document: a heading and paragraphs, each given in Chinese and English. */
export interface BilingualSection {
  headingZh: string;
  headingEn: string;
  /** Lines of `label: value` pairs (label in both languages) printed before the paragraphs. */
  fields?: { labelZh: string; labelEn: string; value: string }[];
  paragraphs?: { zh: string; en: string }[];
}

export interface BilingualDocument {
  titleZh: string;
  titleEn: string;
  /** Printed under the title, e.g. the issuing bureau and a reference number. */
  subtitle?: string;
  sections: BilingualSection[];
  /** Small print at the bottom of the last page. */
  footer?: string;
  /** PDF metadata. */
  author?: string;
}

const MARGIN = 56;

/** What a PDF's metadata says; the producer and the creator are always the registry. */
export interface PdfInfo {
  title: string;
  subject?: string;
  author?: string;
}

/**
 * A4 bilingual documents (Chinese first, English beneath) in one font that covers both, for the
 * notices and decisions of enforcement cases and the licence certificates. Deterministic enough
 * to test: same input, same text content.
 */
@Injectable()
export class PdfDocumentService {
  /** Renders a document to a PDF buffer. */
  render(document: BilingualDocument): Promise<Buffer> {
    const pdf = this.create({ title: `${document.titleZh} / ${document.titleEn}`, author: document.author });
    pdf.fontSize(18).text(document.titleZh, { align: 'center' });
    pdf.fontSize(13).fillColor('#444444').text(document.titleEn, { align: 'center' });
    if (document.subtitle) pdf.moveDown(0.3).fontSize(9).text(document.subtitle, { align: 'center' });
    pdf.fillColor('#000000').moveDown(1);
    for (const section of document.sections) this.section(pdf, section);
    if (document.footer) pdf.moveDown(1).fontSize(8).fillColor('#555555').text(document.footer);
    return this.finish(pdf);
  }

  /**
   * A blank A4 portrait document with the CJK font selected, for callers that lay out their own
   * page (the licence certificate); `margin` only bounds where text flows onto a new page.
   */
  create(info: PdfInfo, margin = MARGIN): PDFKit.PDFDocument {
    const pdf = new PDFDocument({
      size: 'A4',
      margin,
      info: { Title: info.title, Subject: info.subject ?? '', Author: info.author ?? 'Agency Registry', Producer: 'Agency Registry', Creator: 'Agency Registry' },
      compress: true,
    });
    pdf.registerFont(CJK_FONT, cjkFont());
    pdf.font(CJK_FONT);
    return pdf;
  }

  /** Ends a document and collects its bytes. */
  finish(pdf: PDFKit.PDFDocument): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
      pdf.on('end', () => resolve(Buffer.concat(chunks)));
      pdf.on('error', reject);
      pdf.end();
    });
  }

  private section(pdf: PDFKit.PDFDocument, section: BilingualSection): void {
    pdf.fontSize(12).fillColor('#000000').text(`${section.headingZh}  ${section.headingEn}`);
    pdf.moveTo(MARGIN, pdf.y + 2).lineTo(pdf.page.width - MARGIN, pdf.y + 2).strokeColor('#999999').stroke();
    pdf.moveDown(0.4);
    for (const field of section.fields ?? []) {
      pdf.fontSize(10).fillColor('#333333').text(`${field.labelZh} ${field.labelEn}: `, { continued: true }).fillColor('#000000').text(field.value || '—');
    }
    for (const paragraph of section.paragraphs ?? []) {
      pdf.moveDown(0.2).fontSize(10).fillColor('#000000').text(paragraph.zh);
      pdf.fontSize(9).fillColor('#444444').text(paragraph.en);
    }
    pdf.fillColor('#000000').moveDown(0.8);
  }
}
