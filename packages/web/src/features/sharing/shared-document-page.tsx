import { Alert, Anchor, Box, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { formatDateTime } from '../../components/format.ts';
import { describeError, PageLoader } from '../../components/query-state.tsx';
import { AuthCard } from '../auth/auth-card.tsx';
import { describeShare, isClosedLink, openSharedDocument, type SharePreview } from './sharing-api.ts';

/**
 * What a referring physician sees from a share link: no account, no patient data until the code
 * the clinic gave separately is entered. Lives outside the workspace like the invitation page.
 */
export function SharedDocumentPage() {
  const { token = '' } = useParams();
  const preview = useQuery({
    queryKey: ['shared', token],
    queryFn: () => describeShare(token),
    retry: false,
    refetchOnWindowFocus: false,
  });
  const [closedMessage, setClosedMessage] = useState<string | null>(null);
  const [pdf, setPdf] = useState<Blob | null>(null);

  if (preview.isPending) return <PageLoader label="Loading the shared document" />;
  if (closedMessage !== null || preview.isError) {
    return <ClosedLink message={closedMessage ?? closedLinkMessage(preview.error)} />;
  }
  if (pdf) return <SharedPdf pdf={pdf} preview={preview.data} />;
  return (
    <AuthCard
      title={`Document from ${preview.data.clinicName}`}
      subtitle={`${preview.data.clinicName} shared a clinical document with you. The link works until ${formatDateTime(preview.data.expiresAt)}.`}
    >
      <CodeForm token={token} onOpened={setPdf} onClosed={setClosedMessage} />
    </AuthCard>
  );
}

function closedLinkMessage(err: unknown): string {
  if (err instanceof ApiProblem && err.status === 404) {
    return 'This link is not valid. Check that it was copied whole, or ask the clinic for a new one.';
  }
  return describeError(err);
}

function ClosedLink({ message }: { message: string }) {
  return (
    <AuthCard title="This link cannot be used">
      <Alert color="red" variant="light" role="alert">
        {message}
      </Alert>
      <Text>Share links expire, and the clinic can withdraw them. Contact the clinic for a new link.</Text>
    </AuthCard>
  );
}

function CodeForm({
  token,
  onOpened,
  onClosed,
}: {
  token: string;
  onOpened: (pdf: Blob) => void;
  onClosed: (message: string) => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (v) => (/^\d{6}$/.test(v.trim()) ? null : 'Enter the 6-digit code') },
  });

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      onOpened(await openSharedDocument(token, values.code.trim()));
    } catch (err) {
      if (isClosedLink(err)) onClosed(closedLinkMessage(err));
      else setMessage(applyProblem(form, err) || null);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={message} title="Could not open the document" />
        <TextInput
          label="Access code"
          description="The 6-digit code the clinic gave you by phone or fax."
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={form.submitting} fullWidth>
          Open document
        </Button>
      </Stack>
    </form>
  );
}

function SharedPdf({ pdf, preview }: { pdf: Blob; preview: SharePreview }) {
  const [url, setUrl] = useState<string | null>(null);
  // The object URL holds the PDF in memory; release it when the page goes away.
  useEffect(() => {
    const objectUrl = URL.createObjectURL(pdf);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [pdf]);

  return (
    <Box component="main" p="md" bg="gray.0" mih="100vh">
      <Stack gap="sm" maw={1100} mx="auto">
        <Group justify="space-between" align="baseline">
          <div>
            <Text fw={700} c="teal.8" size="sm" tt="uppercase" lts={1}>
              Fascia
            </Text>
            <Title order={1} size="h3">
              Document from {preview.clinicName}
            </Title>
          </div>
          {url && (
            <Anchor href={url} download="document.pdf">
              Download
            </Anchor>
          )}
        </Group>
        {url && (
          <iframe
            title="Shared document"
            src={url}
            style={{
              width: '100%',
              height: 'calc(100vh - 120px)',
              border: '1px solid #dee2e6',
              background: 'white',
            }}
          />
        )}
      </Stack>
    </Box>
  );
}
