import { RequestTemplate } from './processes';

/** One stream of the soak's traffic: requests cycled at a steady rate. */
export interface SoakStream {
  name: string;
  ratePerSecond: number;
  /** Which bench account signs the requests; none for public traffic. */
  signedInAs?: string;
  requests: (sample: SoakSample) => RequestTemplate[];
}

/** Real identifiers from the benchmark database, for requests that name records. */
export interface SoakSample {
  licenceNumbers: string[];
  fujianAgencyIds: string[];
}

/** The traffic of a day at a bureau: public look-ups, officers' lists, sign-ins, and the writes of each module. */
export const SOAK_STREAMS: SoakStream[] = [
  { name: 'public verification', ratePerSecond: 100, requests: (s) => s.licenceNumbers.map((n) => ({ method: 'GET', path: `/api/public/licences/${n}` })) },
  {
    name: 'signed-in lists',
    ratePerSecond: 30,
    signedInAs: 'bench-fujian',
    requests: () => [
      { method: 'GET', path: '/api/licences?limit=50' },
      { method: 'GET', path: '/api/licences?limit=50&status=active&expiringBefore=2027-06-30' },
      { method: 'GET', path: '/api/agencies?limit=50&name=Services' },
    ],
  },
  {
    name: 'complaints lodged',
    ratePerSecond: 5,
    requests: () => [
      {
        method: 'POST',
        path: '/api/public/complaints',
        // {n} makes every complaint distinct (the same text within a minute would be one complaint).
        body: { categories: ['recruitment_fee'], description: 'Charged a recruitment fee before departure (soak {pid}-{n})', agencyName: 'Soak test agency', jurisdictionCode: '350100' },
      },
    ],
  },
  {
    name: 'sign-ins',
    ratePerSecond: 2,
    requests: () => [{ method: 'POST', path: '/api/auth/login', body: { username: 'bench-fujian', password: 'bench-password' } }],
  },
];
