import { Alert, Button, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { applyProblem } from '../../components/form-problem.ts';
import { formatDateTime } from '../../components/format.ts';
import { type AssessmentView, addAddendum, assessmentKey } from './assessments-api.ts';

/** Corrections to a signed assessment: shown under the original, never replacing it. */
export function AddendaPanel({ view, canWrite }: { view: AssessmentView; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { reason: '', body: '' },
    validate: {
      reason: (v) => (v.trim().length < 3 ? 'Say why the addendum is needed' : null),
      body: (v) => (v.trim() ? null : 'Write the addendum'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      const next = await addAddendum(view.id, values);
      queryClient.setQueryData(assessmentKey(view.id), next);
      form.reset();
      setOpen(false);
    } catch (err) {
      setMessage(applyProblem(form, err) || null);
    }
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="addenda-title">
      <Title order={2} size="h3" id="addenda-title" mb="sm">
        Addenda
      </Title>
      <Stack>
        {view.addenda.length === 0 && <Text c="dimmed">No addenda.</Text>}
        {view.addenda.map((a) => (
          <Paper key={a.id} withBorder p="sm" bg="gray.0">
            <Text size="sm" c="dimmed">
              {formatDateTime(a.createdAt)} · {a.author} · {a.reason}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{a.body}</Text>
          </Paper>
        ))}
        {canWrite && !open && (
          <Button variant="light" w="fit-content" onClick={() => setOpen(true)}>
            Add addendum
          </Button>
        )}
        {open && (
          <form onSubmit={submit} noValidate>
            <Stack>
              {message && (
                <Alert color="red" role="alert">
                  {message}
                </Alert>
              )}
              <TextInput label="Reason for the addendum" required {...form.getInputProps('reason')} />
              <Textarea label="Addendum" required autosize minRows={3} {...form.getInputProps('body')} />
              <Stack gap="xs" align="flex-start">
                <Button type="submit" loading={form.submitting}>
                  Save addendum
                </Button>
                <Button variant="subtle" onClick={() => setOpen(false)}>
                  Cancel
                </Button>
              </Stack>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
