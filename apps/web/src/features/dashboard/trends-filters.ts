import type { components } from '@/lib/api/schema';

export type Granularity = components['schemas']['TrendGranularity'];
export type TrendGroup = components['schemas']['TrendGroup'];
export type Channel = components['schemas']['ComplaintChannel'];

export const GRANULARITIES: Granularity[] = ['month', 'week', 'day'];
export const GROUPS: TrendGroup[] = ['category', 'province', 'channel', 'outcome', 'agency'];
export const CHANNELS: Channel[] = ['web', 'hotline', 'walk_in', 'letter', 'referral'];

/** What the trends page shows, all of it in the URL (a link or a reload shows the same). */
export interface TrendFilters {
  from: string;
  to: string;
  granularity: Granularity;
  groupBy: TrendGroup;
  province?: string;
  category?: string;
  channel?: Channel;
  agencyId?: string;
}

function isoDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

export function filtersFrom(params: URLSearchParams, now = new Date()): TrendFilters {
  const to = params.get('to') ?? '';
  const from = params.get('from') ?? '';
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const optional = (name: string) => params.get(name) || undefined;
  const channel = params.get('channel');
  return {
    from: DAY.test(from) ? from : isoDay(yearAgo),
    to: DAY.test(to) ? to : isoDay(now),
    granularity: pick(params.get('granularity'), GRANULARITIES, 'month'),
    groupBy: pick(params.get('groupBy'), GROUPS, 'category'),
    province: optional('province'),
    category: optional('category'),
    channel: channel && (CHANNELS as string[]).includes(channel) ? (channel as Channel) : undefined,
    agencyId: optional('agencyId'),
  };
}

export function paramsOf(filters: TrendFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value as string);
  return params;
}

/** The API's query for these filters, grouped as asked (the bar chart asks with its own grouping). */
export function trendsQuery(filters: TrendFilters, groupBy: TrendGroup = filters.groupBy) {
  return {
    from: filters.from,
    to: filters.to,
    granularity: filters.granularity,
    groupBy,
    ...(filters.province ? { province: filters.province } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.agencyId ? { agencyId: filters.agencyId } : {}),
  };
}
