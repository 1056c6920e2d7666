import type { components } from '@/lib/api/schema';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import type { Column } from './ListTable';
import { StatusTag } from './StatusTag';

type User = components['schemas']['UserView'];
interface UserWords {
  username: string;
  displayName: string;
  role: string;
  status: string;
  active: string;
  disabled: string;
  lastLogin: string;
  never: string;
}

/**
 * The columns both lists of users show (the system admin's and a bureau admin's), in each one's
 * words, around what differs: where a user belongs, and what may be done to them.
 */
export function useUserColumns(words: UserWords, belongsTo: Column<User>, actions: Column<User>): Column<User>[] {
  const t = useT();
  const language = useLanguage();
  return [
    { header: words.username, cell: (user) => user.username },
    { header: words.displayName, cell: (user) => user.displayName },
    { header: words.role, cell: (user) => t.roles[user.role] },
    belongsTo,
    { header: words.status, cell: (user) => <StatusTag tone={user.status === 'active' ? 'ok' : 'off'}>{user.status === 'active' ? words.active : words.disabled}</StatusTag> },
    { header: words.lastLogin, cell: (user) => (user.lastLoginAt ? formatDate(user.lastLoginAt, language, true) : words.never) },
    actions,
  ];
}
