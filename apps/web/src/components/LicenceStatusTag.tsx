import type { components } from '@/lib/api/schema';
import { useT } from '@/lib/i18n/use-i18n';
import { Tag } from './public-ui/Tag';

type LicenceStatus = components['schemas']['LicenceVerification']['status'];

/** Solid colours with white text: readable at a glance and above 4.5:1 contrast (antd's pastel tags are not). */
const COLOUR: Record<LicenceStatus, string> = {
  active: '#1f6b06',
  suspended: '#a64300',
  revoked: '#a8071a',
  surrendered: '#595959',
  expired: '#595959',
};

/** Plain markup (no Ant Design): the verification and register pages are a worker's first load. */
export function LicenceStatusTag({ status }: { status: LicenceStatus }) {
  const t = useT();
  return <Tag color={COLOUR[status]}>{t.licenceStatus[status]}</Tag>;
}
