import QRCode from 'qrcode';
import { PdfDocumentService } from '@app/documents';

/** What a certificate shows; names and codes as the register holds them. */
export interface CertificateData {
  licenceNumber: string;
  licenceType: 'human_resources_service' | 'overseas_employment' | 'labour_service_cooperation';
  status: string;
  agencyNameZh: string;
  agencyNameEn: string | null;
  uscc: string;
  activities: string[];
  destinationCountries: string[];
  validFrom: string;
  expiresOn: string;
  issuedByBureauName: string;
  conditions: string | null;
  verifyUrl: string;
  printedOn: string;
}

const TITLES: Record<CertificateData['licenceType'], [string, string]> = {
  human_resources_service: ['人力资源服务许可证', 'Human Resources Service Licence'],
  overseas_employment: ['境外就业中介许可证', 'Overseas Employment Agency Licence'],
  labour_service_cooperation: ['对外劳务合作经营资格证书', 'Foreign Labour Service Cooperation Licence'],
};

const ACTIVITIES: Record<string, [string, string]> = {
  job_placement: ['职业介绍', 'Job placement'],
  recruitment_advertising: ['招聘信息发布', 'Recruitment advertising'],
  overseas_placement: ['出国(境)就业介绍', 'Placement abroad'],
  pre_departure_training: ['出国前培训', 'Pre-departure training'],
};

const STATUS: Record<string, [string, string]> = {
  suspended: ['已暂停', 'SUSPENDED'],
  revoked: ['已吊销', 'REVOKED'],
  surrendered: ['已注销', 'SURRENDERED'],
  expired: ['已过期', 'EXPIRED'],
};

const INK = '#1f1f1f';
const MUTED = '#595959';
const RED = '#a8071a';

/**
 * An A4 bilingual licence certificate: title, the licence's particulars in Chinese and English,
 * and a QR code to the public verification page, which always shows the licence as it is now
 * (a certificate on a wall may outlive its licence; the status line says so when printed late).
 */
export async function renderCertificate(pdf: PdfDocumentService, data: CertificateData): Promise<Buffer> {
  const [titleZh, titleEn] = TITLES[data.licenceType];
  const doc = pdf.create({ title: `${titleZh} ${data.licenceNumber}`, subject: `${titleEn} ${data.licenceNumber}` }, 48);
  const { page } = doc;
  const left = 64;
  const width = page.width - left * 2;

  doc.lineWidth(3).strokeColor(RED).rect(24, 24, page.width - 48, page.height - 48).stroke();
  doc.lineWidth(0.8).rect(32, 32, page.width - 64, page.height - 64).stroke();

  doc.fillColor(INK).fontSize(13).text('中华人民共和国', left, 70, { width, align: 'center', characterSpacing: 4 });
  doc.fontSize(28).fillColor(RED).text(titleZh, left, 92, { width, align: 'center', characterSpacing: 2 });
  doc.fontSize(14).fillColor(INK).text(titleEn, left, 134, { width, align: 'center' });
  doc.fontSize(12).fillColor(MUTED).text(`编号 No. ${data.licenceNumber}`, left, 160, { width, align: 'center' });

  const statusLabel = STATUS[data.status];
  if (statusLabel) {
    doc.fontSize(16).fillColor(RED).text(`${statusLabel[0]} ${statusLabel[1]}`, left, 182, { width, align: 'center' });
  }

  const activities = data.activities.map((a) => ACTIVITIES[a] ?? [a, a]);
  const rows: [string, string, string][] = [
    ['机构名称', 'Agency', data.agencyNameEn ? `${data.agencyNameZh}\n${data.agencyNameEn}` : data.agencyNameZh],
    ['统一社会信用代码', 'Unified social credit code', data.uscc],
    ['许可范围', 'Scope', activities.map(([zh, en]) => `${zh} ${en}`).join('\n') || '—'],
    ['目的国家（地区）', 'Destination countries', data.destinationCountries.join(', ') || '—'],
    ['有效期', 'Valid', `${data.validFrom} 至 to ${data.expiresOn}`],
    ['发证机关', 'Issued by', data.issuedByBureauName],
  ];
  if (data.conditions) rows.push(['许可条件', 'Conditions', data.conditions]);

  let y = 222;
  const labelWidth = 150;
  for (const [zh, en, value] of rows) {
    doc.fontSize(11).fillColor(INK).text(zh, left, y, { width: labelWidth });
    doc.fontSize(8.5).fillColor(MUTED).text(en, left, y + 15, { width: labelWidth });
    doc.fontSize(12).fillColor(INK);
    const valueHeight = doc.heightOfString(value, { width: width - labelWidth });
    doc.text(value, left + labelWidth, y, { width: width - labelWidth });
    y += Math.max(34, valueHeight + 12);
    doc.lineWidth(0.4).strokeColor('#d9d9d9').moveTo(left, y - 6).lineTo(left + width, y - 6).stroke();
  }

  const qrSize = 132;
  const qrTop = page.height - 96 - qrSize;
  const qr = await QRCode.toBuffer(data.verifyUrl, { errorCorrectionLevel: 'M', margin: 2, scale: 8, color: { dark: '#000000', light: '#ffffff' } });
  doc.image(qr, page.width - left - qrSize, qrTop, { width: qrSize, height: qrSize });
  doc.fontSize(10).fillColor(INK).text('扫码核验许可证的当前状态', left, qrTop + 24, { width: width - qrSize - 16 });
  doc.fontSize(9).fillColor(MUTED).text('Scan to verify the licence as it stands today', left, qrTop + 40, { width: width - qrSize - 16 });
  doc.fontSize(9).fillColor(MUTED).text(data.verifyUrl, left, qrTop + 58, { width: width - qrSize - 16 });
  doc.fontSize(9).fillColor(MUTED).text(`打印日期 Printed ${data.printedOn}`, left, qrTop + 96, { width: width - qrSize - 16 });
  doc.fontSize(8).fillColor(MUTED).text('职业中介机构登记系统 Agency Registry · 本证书以登记系统记录为准 The register is authoritative', left, page.height - 70, { width, align: 'center' });
  return pdf.finish(doc);
}
