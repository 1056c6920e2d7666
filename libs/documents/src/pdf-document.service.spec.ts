import fs from 'node:fs';
import { PdfDocumentService } from './pdf-document.service';

describe('PdfDocumentService', () => {
  it('renders a small A4 PDF with Chinese and English text', async () => {
    const pdf = await new PdfDocumentService().render({
      titleZh: '行政处罚告知书',
      titleEn: 'Notice of intended sanction',
      sections: [{ headingZh: '事实', headingEn: 'Facts', fields: [{ labelZh: '机构', labelEn: 'Agency', value: '福州海峡人力资源有限公司' }], paragraphs: [{ zh: '扣押劳动者护照。', en: 'Passports of workers were held.' }] }],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The font is subset: the whole 11 MB font must not be embedded.
    expect(pdf.length).toBeLessThan(150_000);
  });

  it('reads the 10 MB font file once per process, not once per document', async () => {
    const reads = jest.spyOn(fs, 'readFileSync');
    const service = new PdfDocumentService();
    for (let i = 0; i < 3; i += 1) await service.render({ titleZh: '许可证', titleEn: 'Licence', sections: [] });
    await service.finish(service.create({ title: '证书 Certificate' }).text('证书'));
    const fontReads = reads.mock.calls.filter(([path]) => String(path).endsWith('.ttf'));
    expect(fontReads.length).toBeLessThanOrEqual(1);
    reads.mockRestore();
  });
});
