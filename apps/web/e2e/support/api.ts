import { expect, type APIRequestContext } from '@playwright/test';

/** Calls the API directly, as an officer or to find demo data; never through the pages under test. */
export const DEMO_PASSWORD = 'demo-password';

export async function tokenFor(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(response.status(), `sign-in of ${username}`).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

interface PublicAgency {
  nameZh: string;
  nameEn: string | null;
  licences: { licenceNumber: string; status: string }[];
}

/** A licence number of the demo register in this status (the demo data spreads every status). */
export async function licenceInStatus(request: APIRequestContext, status: 'active' | 'suspended', province = '35'): Promise<{ number: string; agency: PublicAgency }> {
  const response = await request.get(`/api/public/agencies?status=${status}&province=${province}&limit=50`);
  expect(response.ok()).toBe(true);
  const { items } = (await response.json()) as { items: PublicAgency[] };
  for (const agency of items) {
    const licence = agency.licences.find((l) => l.status === status);
    if (licence) return { number: licence.licenceNumber, agency };
  }
  throw new Error(`no ${status} licence in province ${province} of the demo data`);
}

interface ComplaintRow {
  id: string;
  trackingCode: string;
  version: number;
  status: string;
}

/** An officer of the complaint's bureau moves it on, with a note meant for the complainant. */
export async function officerTransitions(request: APIRequestContext, username: string, trackingCode: string, to: string, publicNote: string) {
  const token = await tokenFor(request, username);
  const headers = { authorization: `Bearer ${token}` };
  const list = await request.get('/api/complaints?limit=100', { headers });
  expect(list.ok()).toBe(true);
  const { items } = (await list.json()) as { items: ComplaintRow[] };
  const complaint = items.find((c) => c.trackingCode === trackingCode);
  expect(complaint, `complaint ${trackingCode} in ${username}'s list`).toBeTruthy();
  const response = await request.post(`/api/complaints/${complaint!.id}/transition`, {
    headers,
    data: { to, note: `Browser test: ${to}`, publicNote, version: complaint!.version },
  });
  expect(response.status(), await response.text()).toBe(200);
}
