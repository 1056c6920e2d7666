import { Button, Modal, message as antMessage } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/i18n/use-i18n';
import { NativeSelect } from '@/components/NativeSelect';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useAssignLeadInspector, useLeadInspectorChoice } from './api/assign-lead-inspector';

/** A bureau admin gives a planned inspection nobody leads its lead inspector (who is told). */
export function AssignLeadInspector({ inspectionId }: { inspectionId: string }) {
  const d = useT().duties;
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string>();
  const [message, messageHolder] = antMessage.useMessage();
  const { inspection, assignees } = useLeadInspectorChoice(inspectionId, open);
  const assign = useAssignLeadInspector(inspectionId, {
    onSuccess: () => {
      setOpen(false);
      void message.success(d.assignDone);
    },
  });
  return (
    <>
      {messageHolder}
      <Button size="small" onClick={() => setOpen(true)} data-testid={`assign-${inspectionId}`}>
        {d.assign}
      </Button>
      <Modal
        open={open}
        title={d.assignTitle}
        okText={d.assign}
        okButtonProps={{ disabled: !chosen || !inspection.data }}
        confirmLoading={assign.isPending}
        onOk={() => assign.mutate({ leadInspectorId: chosen ?? '', version: inspection.data?.version ?? 0 })}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <label htmlFor={`lead-${inspectionId}`}>{d.assignChoose}</label>
        <NativeSelect
          id={`lead-${inspectionId}`}
          placeholder="—"
          value={chosen}
          onChange={setChosen}
          options={(assignees.data ?? []).map((officer) => ({ value: officer.id, label: `${officer.displayName} · ${officer.bureauName}` }))}
        />
        {(assign.error ?? assignees.error ?? inspection.error) && <ProblemAlert error={assign.error ?? assignees.error ?? inspection.error} />}
      </Modal>
    </>
  );
}
