import { INSTRUMENTS } from '@fascia/domain/outcomes/instruments.catalogue';
import { Button, Checkbox, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../components/form-alert.tsx';
import { describeError } from '../../components/query-state.tsx';
import { hasPermission, useSession } from '../auth/session-query.ts';
import { startKiosk } from './kiosk-api.ts';

/**
 * Hands the clinic tablet to the patient: pick the questionnaires, and this tab becomes the kiosk.
 * The staff session ends as the kiosk opens, so nothing of the record is a back-button away.
 */
export function HandTabletButton({ patientId }: { patientId: string }) {
  const navigate = useNavigate();
  const { data: session } = useSession();
  const [opened, setOpened] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!hasPermission(session, 'clinical.write')) return null;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const kiosk = await startKiosk(patientId, chosen);
      navigate(kiosk.path, { replace: true });
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)}>
        Hand tablet to patient
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Hand tablet to patient" size="lg">
        <Stack>
          <Text size="sm">
            The patient sees only these questionnaires. When they finish, the tablet locks and a staff member
            signs in again.
          </Text>
          <FormAlert message={error} title="Could not start" />
          <Checkbox.Group label="Questionnaires" value={chosen} onChange={setChosen}>
            <Stack gap="xs" mt="xs">
              {INSTRUMENTS.map((i) => (
                <Checkbox
                  key={i.id}
                  value={i.id}
                  label={`${i.name}: ${i.title}`}
                  description={i.useFor}
                  size="md"
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Button size="md" disabled={chosen.length === 0} loading={busy} onClick={start}>
            Start on this tablet
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
