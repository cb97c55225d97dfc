import { findInstrument } from '@fascia/domain/outcomes/instruments.catalogue';
import { Alert, Box, Button, Center, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem, api } from '../../api/client.ts';
import { describeError } from '../../components/query-state.tsx';
import { forgetSession } from '../auth/session-query.ts';
import { type Answers, liveScore, QuestionnaireItems } from '../outcomes/questionnaire-items.tsx';
import { fetchKiosk, kioskKey, submitKiosk } from './kiosk-api.ts';

/** Ends the staff session on this tablet and forgets everything cached from the record. */
function useLockStaffSession() {
  const queryClient = useQueryClient();
  return async () => {
    await api.post('/auth/sign-out').catch(() => undefined);
    // Everything of the record goes; the questionnaire itself stays (it may still be loading).
    forgetSession(queryClient, ['kiosk']);
  };
}

function Locked({ title, message }: { title: string; message: string }) {
  return (
    <Center component="main" mih="100vh" p="xl">
      <Paper withBorder p="xl" maw={560} w="100%">
        <Stack align="center" ta="center" gap="lg">
          <Title order={1}>{title}</Title>
          <Text size="lg">{message}</Text>
          <Button component={Link} to="/sign-in" size="lg" variant="light">
            Staff sign-in
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

/**
 * The patient's view of the clinic tablet: only the questionnaires handed to them, one at a time,
 * with large choices and no way into the app. It ends on a locked screen.
 */
export function KioskPage() {
  const { token = '' } = useParams();
  const lock = useLockStaffSession();
  const kiosk = useQuery({ queryKey: kioskKey(token), queryFn: () => fetchKiosk(token), retry: false });
  const [finished, setFinished] = useState(false);

  // The staff member who handed the tablet over is signed out at once: the back button must not
  // lead the patient into the record.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once when the kiosk opens
  useEffect(() => {
    void lock();
  }, []);

  if (finished) {
    return (
      <Locked
        title="Thank you — please hand the tablet back"
        message="Your answers are saved. This tablet is locked until a staff member signs in."
      />
    );
  }
  if (kiosk.isPending) {
    return (
      <Center component="main" mih="100vh" role="status" aria-label="Loading the questionnaire">
        <Loader size="xl" />
      </Center>
    );
  }
  if (kiosk.isError) {
    const gone = kiosk.error instanceof ApiProblem && [404, 410].includes(kiosk.error.status);
    return (
      <Locked
        title="This tablet is locked"
        message={
          gone ? 'These questionnaires are complete or the link has expired.' : describeError(kiosk.error)
        }
      />
    );
  }
  const current = kiosk.data.remaining[0];
  if (!current) {
    return (
      <Locked title="Thank you — please hand the tablet back" message="There is nothing left to fill in." />
    );
  }
  const total = kiosk.data.remaining.length + kiosk.data.completed.length;
  return (
    <KioskQuestionnaire
      key={current}
      token={token}
      instrumentId={current}
      greetingName={kiosk.data.greetingName}
      position={kiosk.data.completed.length + 1}
      total={total}
      onDone={async (done) => {
        if (done) {
          setFinished(true);
          await lock();
        } else {
          await kiosk.refetch();
        }
      }}
    />
  );
}

function KioskQuestionnaire({
  token,
  instrumentId,
  greetingName,
  position,
  total,
  onDone,
}: {
  token: string;
  instrumentId: string;
  greetingName: string;
  position: number;
  total: number;
  onDone: (done: boolean) => Promise<void>;
}) {
  const instrument = findInstrument(instrumentId);
  const [answers, setAnswers] = useState<Answers>({});
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!instrument)
    return <Locked title="This tablet is locked" message="This questionnaire is not available." />;
  const unanswered = instrument.item.filter(
    (i) => answers[i.linkId] === undefined || answers[i.linkId] === null,
  );
  const score = liveScore(instrument, answers);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const itemLabels = Object.fromEntries(Object.entries(labels).filter(([, v]) => v.trim()));
      const result = await submitKiosk(token, {
        instrumentId,
        answers,
        ...(Object.keys(itemLabels).length ? { itemLabels } : {}),
      });
      window.scrollTo({ top: 0 });
      await onDone(result.done);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <Box component="main" bg="gray.0" mih="100vh" py="xl">
      <Container size="md">
        <Stack gap="xl">
          <Stack gap={4}>
            <Text size="lg">Hello, {greetingName}</Text>
            <Text c="dimmed">
              Questionnaire {position} of {total}
            </Text>
            <Title order={1}>{instrument.title}</Title>
            {instrument.recallPeriod && <Text size="lg">Think about {instrument.recallPeriod}.</Text>}
          </Stack>
          <Paper withBorder p="lg">
            <QuestionnaireItems
              instrument={instrument}
              answers={answers}
              itemLabels={labels}
              onAnswer={(linkId, value) => setAnswers((a) => ({ ...a, [linkId]: value }))}
              onItemLabel={(linkId, label) => setLabels((l) => ({ ...l, [linkId]: label }))}
              size="lg"
            />
          </Paper>
          {error && (
            <Alert color="red" role="alert" title="Not sent">
              {error}
            </Alert>
          )}
          {unanswered.length > 0 && !score.valid && (
            <Alert color="yellow" variant="light">
              {unanswered.length} {unanswered.length === 1 ? 'question is' : 'questions are'} not answered
              yet.
            </Alert>
          )}
          <Button size="xl" onClick={submit} loading={busy}>
            {unanswered.length > 0 ? `Submit with ${unanswered.length} unanswered` : 'Submit answers'}
          </Button>
        </Stack>
      </Container>
    </Box>
  );
}
