import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { isProblem } from '@/lib/api/problem';

export const workingCalendarKey = (year: number) => ['admin', 'working-calendar', year] as const;

/** A year's calendar; null for a year not entered yet (it counts Monday to Friday until saved). */
export const useWorkingCalendar = (year: number) =>
  useQuery({
    queryKey: workingCalendarKey(year),
    queryFn: async ({ signal }) => {
      try {
        return data(await api.GET('/api/admin/working-calendar/{year}', { params: { path: { year } }, signal }));
      } catch (error) {
        if (isProblem(error, 404)) return null;
        throw error;
      }
    },
    retry: false,
  });
