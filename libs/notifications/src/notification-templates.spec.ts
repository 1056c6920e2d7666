import { renderNotification } from './notification-templates';

describe('renderNotification', () => {
  it('renders a renewal reminder in Chinese and English', () => {
    const rendered = renderNotification('licence.renewal_reminder', { licenceNumber: '350000-2021-000001', agencyName: '福州海峡', expiresOn: '2026-12-31', daysLeft: 30 });
    expect(rendered.subject).toBe('许可证 350000-2021-000001 将于 2026-12-31 到期 / Licence 350000-2021-000001 expires on 2026-12-31');
    expect(rendered.text).toContain('距今 30 天');
    expect(rendered.text).toContain('in 30 days');
  });

  it('renders an expiry notice in both languages', () => {
    const rendered = renderNotification('licence.expired', { licenceNumber: 'X-1', agencyName: 'A', expiresOn: '2026-01-01' });
    expect(rendered.subject).toContain('已过期');
    expect(rendered.subject).toContain('has expired');
  });

  it('falls back to a generic notice for a kind without a template', () => {
    const rendered = renderNotification('something.new', { title: 'Hello' });
    expect(rendered.subject).toBe('通知：Hello / Notice: Hello');
  });
});
