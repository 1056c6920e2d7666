import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Modal, message as antMessage } from 'antd';
import { useState } from 'react';
import { api, data } from '@/api/client';
import { useT } from '@/app/i18n/use-i18n';
import { NativeSelect } from '@/components/NativeSelect';
import { ProblemAlert } from '@/components/ProblemAlert';

/** A bureau admin gives a planned inspection nobody leads its lead inspector (who is told). */
export function AssignLeadInspector({ inspectionId }: { inspectionId: string }) {
  const d = useT().duties;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string>();
  const [message, messageHolder] = antMessage.useMessage();
  const inspection = useQuery({
    queryKey: ['inspection', inspectionId, 'for-assignment'],
    enabled: open,
    queryFn: async ({ signal }) => data(await api.GET('/api/inspections/{id}', { params: { path: { id: inspectionId } }, signal })),
  });
  const assignees = useQuery({
    queryKey: ['inspection', inspectionId, 'assignees'],
    enabled: open,
    queryFn: async ({ signal }) => data(await api.GET('/api/inspections/{id}/assignees', { params: { path: { id: inspectionId } }, signal })).items,
  });
  const assign = useMutation({
    mutationFn: async () =>
      data(await api.POST('/api/inspections/{id}/lead-inspector', { params: { path: { id: inspectionId } }, body: { leadInspectorId: chosen ?? '', version: inspection.data?.version ?? 0 } })),
    onSuccess: async () => {
      setOpen(false);
      void message.success(d.assignDone);
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['commitment-checks'] }), queryClient.invalidateQueries({ queryKey: ['inspections', 'unassigned'] })]);
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
        onOk={() => assign.mutate()}
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
