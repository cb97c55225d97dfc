import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../../api/client.ts';
import { useCanManageCareTeam } from './chart-access-api.ts';
import { PatientForm } from './patient-form.tsx';
import { fromPatientRecord } from './patient-form-values.ts';
import { type PatientView, patientKey, updatePatient } from './patients-api.ts';

/**
 * The chart's "Edit details" form, in a module of its own so the form and the validation schema
 * it carries load when someone edits, not with every chart.
 */
export function PatientEditForm({ patient, onDone }: { patient: PatientView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const careTeamEditable = useCanManageCareTeam();
  return (
    <PatientForm
      careTeamEditable={careTeamEditable}
      initialValues={fromPatientRecord(
        patient.record,
        patient.careTeam.map((m) => m.id),
      )}
      submitLabel="Save details"
      onCancel={onDone}
      onSubmit={async (body) => {
        try {
          const saved = await updatePatient(patient.id, { ...body, version: patient.version });
          queryClient.setQueryData(patientKey(patient.id), saved);
          notifications.show({ color: 'teal', message: 'Details saved.' });
          onDone();
        } catch (err) {
          // Someone else saved first: show their version rather than overwrite it.
          if (err instanceof ApiProblem && err.status === 409) {
            await queryClient.invalidateQueries({ queryKey: patientKey(patient.id) });
          }
          throw err;
        }
      }}
    />
  );
}
