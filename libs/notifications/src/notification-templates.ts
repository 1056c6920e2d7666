/** A rendered notification, in Chinese first and English second (one message serves both readers). */
export interface RenderedNotification {
  subject: string;
  text: string;
}

type Payload = Record<string, unknown>;

const str = (payload: Payload, key: string): string => {
  const value = payload[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

interface Template {
  subject: (p: Payload) => [zh: string, en: string];
  body: (p: Payload) => [zh: string, en: string];
}

const TEMPLATES: Record<string, Template> = {
  'licence.renewal_reminder': {
    subject: (p) => [`许可证 ${str(p, 'licenceNumber')} 将于 ${str(p, 'expiresOn')} 到期`, `Licence ${str(p, 'licenceNumber')} expires on ${str(p, 'expiresOn')}`],
    body: (p) => [
      `人力资源服务许可证 ${str(p, 'licenceNumber')}（${str(p, 'agencyName')}）将于 ${str(p, 'expiresOn')} 到期，距今 ${str(p, 'daysLeft')} 天。请在到期前提交续期申请。`,
      `Licence ${str(p, 'licenceNumber')} (${str(p, 'agencyName')}) expires on ${str(p, 'expiresOn')}, in ${str(p, 'daysLeft')} days. Please apply for its renewal before then.`,
    ],
  },
  'licence.expired': {
    subject: (p) => [`许可证 ${str(p, 'licenceNumber')} 已过期`, `Licence ${str(p, 'licenceNumber')} has expired`],
    body: (p) => [
      `许可证 ${str(p, 'licenceNumber')}（${str(p, 'agencyName')}）的有效期已于 ${str(p, 'expiresOn')} 届满，且未获续期批准，现已失效。该机构不得继续从事许可范围内的业务。`,
      `Licence ${str(p, 'licenceNumber')} (${str(p, 'agencyName')}) was valid until ${str(p, 'expiresOn')} and was not renewed: it has expired. The agency may no longer carry on the licensed activities.`,
    ],
  },
};

const FALLBACK: Template = {
  subject: (p) => [`通知：${str(p, 'title') || '系统通知'}`, `Notice: ${str(p, 'title') || 'system notice'}`],
  body: (p) => [JSON.stringify(p), JSON.stringify(p)],
};

/** Renders a notification bilingually (zh-CN, then en); unknown kinds get a generic notice. */
export function renderNotification(kind: string, payload: Payload): RenderedNotification {
  const template = TEMPLATES[kind] ?? FALLBACK;
  const [subjectZh, subjectEn] = template.subject(payload);
  const [bodyZh, bodyEn] = template.body(payload);
  return {
    subject: `${subjectZh} / ${subjectEn}`,
    text: `${bodyZh}\n\n${bodyEn}\n\n——\n中华人民共和国人力资源和社会保障部 职业中介机构登记系统\nAgency Registry (MOHRSS). This message was sent automatically.`,
  };
}
