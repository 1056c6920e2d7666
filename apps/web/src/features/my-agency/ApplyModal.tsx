import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import type { components } from '@/lib/api/schema';
import { countryName, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { fieldErrors, UnplacedErrors } from '@/components/ActionProblem';
import { NativeSelect } from '@/components/NativeSelect';
import { DESTINATION_COUNTRIES } from '@/utils/destinations';
import { useCreateApplication, type LicenceView } from './use-my-agency';

export type ApplyKind = 'new' | 'variation';
type LicenceType = components['schemas']['LicenceType'];
interface Values {
  licenceType?: LicenceType;
  activities: string[];
  destinationCountries: string[];
  conditions?: string;
  reserveFundAmount?: number;
  note?: string;
}
const ACTIVITIES = ['job_placement', 'recruitment_advertising', 'overseas_placement', 'pre_departure_training'];
const TYPES: LicenceType[] = ['human_resources_service', 'overseas_employment', 'labour_service_cooperation'];

/** Apply for a new licence, or a variation of one (its scope or conditions). */
export function ApplyModal({ kind, licence, onClose }: { kind: ApplyKind; licence?: LicenceView; agencyType: string; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const m = t.bureau.myAgency;
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('licenceType', form) ?? licence?.licenceType;
  const create = useCreateApplication();
  const navigate = useNavigate();
  const submit = (values: Values) =>
    create.mutate(
      {
        kind,
        ...(kind === 'new' ? { licenceType: values.licenceType } : { licenceId: licence?.id }),
        scope: { activities: values.activities ?? [], destinationCountries: values.destinationCountries ?? [] },
        ...(values.conditions?.trim() ? { conditions: values.conditions.trim() } : {}),
        ...(values.reserveFundAmount !== null && values.reserveFundAmount !== undefined ? { reserveFundAmount: values.reserveFundAmount } : {}),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      },
      { onSuccess: (created) => void navigate(`/applications/${created.id}`), onError: (error) => form.setFields(fieldErrors(error) as never) },
    );

  return (
    <Modal open title={kind === 'new' ? m.applyNew : m.variationOf(licence?.licenceNumber ?? '')} okText={m.send} cancelText={t.bureau.users.cancel} confirmLoading={create.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ activities: licence?.scope.activities ?? [], destinationCountries: licence?.scope.destinationCountries ?? [], conditions: licence?.conditions ?? undefined }}
      >
        {kind === 'new' && (
          <Form.Item name="licenceType" label={t.bureau.registry.licenceType} rules={[{ required: true, message: t.bureau.common.required }]}>
            <NativeSelect placeholder="—" options={TYPES.map((v) => ({ value: v, label: t.licenceType[v] }))} />
          </Form.Item>
        )}
        <Form.Item name="activities" label={t.bureau.registry.activities}>
          <Select mode="multiple" options={ACTIVITIES.map((v) => ({ value: v, label: (t.activity as Record<string, string>)[v] ?? v }))} />
        </Form.Item>
        <Form.Item name="destinationCountries" label={t.bureau.registry.destinations}>
          <Select mode="multiple" optionFilterProp="label" options={DESTINATION_COUNTRIES.map((c) => ({ value: c, label: countryName(c, language) }))} />
        </Form.Item>
        <Form.Item name="conditions" label={`${t.bureau.registry.conditions} ${t.common.optional}`}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {type === 'labour_service_cooperation' && (
          <Form.Item name="reserveFundAmount" label={t.bureau.registry.reserveFund}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="note" label={`${t.bureau.applications.note} ${t.common.optional}`}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {create.error && <UnplacedErrors error={create.error} fields={['licenceType', 'activities', 'destinationCountries', 'conditions', 'reserveFundAmount', 'note']} />}
    </Modal>
  );
}
