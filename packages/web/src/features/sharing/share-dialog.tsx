import { Alert, Button, CopyButton, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyProblem } from '../../components/form-problem.ts';
import { formatDateTime } from '../../components/format.ts';
import { describeError } from '../../components/query-state.tsx';
import type { DocumentView } from '../reports/reports-api.ts';
import { createShare, revokeShare, type ShareCreated } from './sharing-api.ts';

/**
 * Shares one document with the referring physician. The code is shown here once and never again
 * (the server keeps only its hash), so the dialog keeps the result until it is closed.
 */
export function ShareDialog({ document, onClose }: { document: DocumentView | null; onClose: () => void }) {
  return (
    <Modal
      opened={document !== null}
      onClose={onClose}
      title="Share with physician"
      size="lg"
      // The code is shown once; a stray tap beside the dialog must not lose it.
      closeOnClickOutside={false}
    >
      {document && <ShareFlow key={document.id} document={document} onClose={onClose} />}
    </Modal>
  );
}

function ShareFlow({ document, onClose }: { document: DocumentView; onClose: () => void }) {
  const [share, setShare] = useState<(ShareCreated & { emailedTo?: string }) | null>(null);
  return (
    <Stack>
      <Text size="sm">
        <strong>{document.title}</strong> (version {document.version})
      </Text>
      {share ? (
        <ShareResult share={share} onClose={onClose} />
      ) : (
        <ShareForm documentId={document.id} onCreated={setShare} />
      )}
    </Stack>
  );
}

function ShareForm({
  documentId,
  onCreated,
}: {
  documentId: string;
  onCreated: (share: ShareCreated & { emailedTo?: string }) => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { expiresInDays: 14 as number | string, recipientEmail: '' },
    validate: {
      expiresInDays: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 30 ? null : 'Between 1 and 30 days',
    },
  });

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    const email = values.recipientEmail.trim();
    try {
      const created = await createShare(documentId, {
        expiresInDays: Number(values.expiresInDays),
        ...(email ? { recipientEmail: email } : {}),
      });
      onCreated(email ? { ...created, emailedTo: email } : created);
    } catch (err) {
      setMessage(applyProblem(form, err) || null);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={message} title="Link not created" />
        <Text size="sm" c="dimmed">
          The physician opens the document with a link and a 6-digit code, without an account. Every opening
          is recorded in the audit trail.
        </Text>
        <NumberInput
          label="Expires in (days)"
          min={1}
          max={30}
          allowDecimal={false}
          allowNegative={false}
          required
          {...form.getInputProps('expiresInDays')}
        />
        <TextInput
          label="Physician's email (optional)"
          description="If given, the link (never the code) is emailed to the physician."
          type="email"
          autoComplete="off"
          {...form.getInputProps('recipientEmail')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            Create share link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShareResult({
  share,
  onClose,
}: {
  share: ShareCreated & { emailedTo?: string };
  onClose: () => void;
}) {
  const [revoking, setRevoking] = useState(false);
  const [revoked, setRevoked] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const revoke = async () => {
    setRevoking(true);
    setError(null);
    try {
      await revokeShare(share.id);
      setRevoked(true);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setRevoking(false);
    }
  };

  if (revoked) {
    return (
      <Stack>
        <Alert color="gray" variant="light" title="Link revoked" role="status">
          The link no longer opens the document. Create a new one to share it again.
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>Close</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack>
      <Alert color="teal" variant="light" title="Link ready to send" role="status">
        {emailOutcome(share)}
        Send the code separately (phone or fax), never in the same message as the link. The code is shown only
        now. The link works until {formatDateTime(share.expiresAt)}.
      </Alert>
      <CopyField label="Share link" value={share.url} copyLabel="Copy link" />
      <CopyField label="Access code" value={share.code} copyLabel="Copy code" monospace />
      <FormAlert message={error} title="Link not revoked" />
      <Group justify="space-between">
        <Button color="red" variant="light" loading={revoking} onClick={revoke}>
          Revoke link
        </Button>
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}

function CopyField({
  label,
  value,
  copyLabel,
  monospace = false,
}: {
  label: string;
  value: string;
  copyLabel: string;
  monospace?: boolean;
}) {
  return (
    <Group align="flex-end" wrap="nowrap" gap="xs">
      <TextInput
        label={label}
        value={value}
        readOnly
        flex={1}
        onFocus={(e) => e.currentTarget.select()}
        styles={
          monospace ? { input: { fontFamily: 'monospace', fontSize: 20, letterSpacing: 4 } } : undefined
        }
      />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy}>
            {copied ? 'Copied' : copyLabel}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** What really happened to the email, in words: never "emailed" when it was not sent. */
export function emailOutcome(share: Pick<ShareCreated, 'email'> & { emailedTo?: string }): string {
  const to = share.emailedTo ?? 'the physician';
  switch (share.email) {
    case 'sent':
      return `The link was emailed to ${to}. `;
    case 'not_configured':
      return `Nothing was emailed: this clinic has no mail server set up. Give ${to} this link yourself. `;
    case 'failed':
      return `The email to ${to} could not be sent (see Admin → Outbox). Give the physician this link yourself. `;
    default:
      return 'Give the physician this link. ';
  }
}
