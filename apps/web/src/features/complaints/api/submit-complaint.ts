import { api, data } from '@/lib/api/client';
import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';
import type { RequestBody } from '@/lib/api/types';
import { idempotencyKey } from '../idempotency';

type Body = RequestBody<'/api/public/complaints', 'post'>;
const submitComplaint = async (body: Body) => data(await api.POST('/api/public/complaints', { body, params: { header: { 'Idempotency-Key': idempotencyKey() } } }));

/** A public complaint, sent with the idempotency key this draft keeps until it has a receipt. */
export const useSubmitComplaint = (config?: MutationConfig<Body, Awaited<ReturnType<typeof submitComplaint>>>) => useApiMutation(submitComplaint, config);
