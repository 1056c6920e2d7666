import { Form, Input, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { ApiProblem } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { useT } from '@/lib/i18n/use-i18n';
import { NativeSelect } from '@/components/NativeSelect';
import { ProblemAlert } from '@/components/ProblemAlert';
import { todayInChina } from '@/utils/today';
import { useInspectionTemplates } from './api/get-checklist-templates';
import { usePlanInspection } from './api/plan-inspection';

type InspectionType = components['schemas']['InspectionType'];
const TYPES: InspectionType[] = ['routine', 'complaint', 'follow_up', 'thematic'];

interface PlanFields {
  type: InspectionType;
  inspectionDate: string;
  templateId?: string;
  notes?: string;
  noteToAgency?: string;
}

/** Plans an inspection of one agency (type, date, checklist) and opens it. */
export function PlanInspectionModal({ agency, onClose }: { agency: { id: string; name: string } | undefined; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<PlanFields>();
  const templates = useInspectionTemplates(agency !== undefined);
  const plan = usePlanInspection({
    onSuccess: (inspection) => void navigate(`/inspections/${inspection.id}`),
    onError: (error) => {
      if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: e.field as keyof PlanFields, errors: [e.message] })));
    },
  });
  const required = [{ required: true, message: t.inspector.plan.required }];
  return (
    <Modal
      open={agency !== undefined}
      title={agency ? t.inspector.plan.title(agency.name) : ''}
      okText={t.inspector.plan.submit}
      cancelText={t.inspector.cancel}
      confirmLoading={plan.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<PlanFields> form={form} layout="vertical" initialValues={{ type: 'routine', inspectionDate: todayInChina() }} onFinish={(fields) => plan.mutate({ agencyId: agency!.id, type: fields.type, inspectionDate: fields.inspectionDate, ...(fields.templateId ? { templateId: fields.templateId } : {}), ...(fields.notes ? { notes: fields.notes } : {}), ...(fields.noteToAgency ? { noteToAgency: fields.noteToAgency } : {}) })}>
        <Form.Item name="type" label={t.inspector.plan.type} rules={required}>
          <NativeSelect placeholder="—" options={TYPES.map((type) => ({ value: type, label: t.inspector.inspectionType[type] }))} />
        </Form.Item>
        <Form.Item name="inspectionDate" label={t.inspector.plan.date} rules={required}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="templateId" label={t.inspector.plan.template}>
          <NativeSelect placeholder={t.inspector.plan.templateLatest} options={(templates.data ?? []).map((tpl) => ({ value: tpl.id, label: `${tpl.title} (v${tpl.version})` }))} />
        </Form.Item>
        <Form.Item name="notes" label={t.inspector.plan.notes}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item name="noteToAgency" label={t.inspector.plan.noteToAgency}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
      {plan.error && !(plan.error instanceof ApiProblem && plan.error.errors.length > 0) && <ProblemAlert error={plan.error} />}
    </Modal>
  );
}
