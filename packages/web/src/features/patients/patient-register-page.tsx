import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { PatientForm } from './patient-form.tsx';
import { EMPTY_PATIENT_FORM } from './patient-form-values.ts';
import { createPatient, fullName, patientKey } from './patients-api.ts';

export function PatientRegisterPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader
        title="Register patient"
        description="Who the patient is, how to reach them, what they consented to, and who treats them."
      />
      <PatientForm
        initialValues={EMPTY_PATIENT_FORM}
        submitLabel="Register patient"
        onCancel={() => navigate('/patients')}
        onSubmit={async (body) => {
          const patient = await createPatient(body);
          queryClient.setQueryData(patientKey(patient.id), patient);
          await queryClient.invalidateQueries({ queryKey: ['patients', 'list'] });
          notifications.show({
            color: 'teal',
            message: `${fullName(patient.record.legalName)} is registered.`,
          });
          navigate(`/patients/${patient.id}`);
        }}
      />
    </>
  );
}
