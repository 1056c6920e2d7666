import { api } from '@/lib/api/client';
import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';

type Reset = { token: string; newPassword: string };

/** Every sign-in of the account ends with the reset: one in this tab meets "sign in again" at its next call. */
export const useResetPassword = (config?: MutationConfig<Reset, void>) =>
  useApiMutation(async (body: Reset) => {
    await api.POST('/api/auth/password-reset', { body });
  }, config);
