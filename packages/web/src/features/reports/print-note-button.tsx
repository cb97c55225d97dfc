import { Anchor, Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../components/query-state.tsx';
import { type DocumentSummary, documentsKey, documentUrl, printNote } from './reports-api.ts';

/**
 * Prints a signed visit note (with its addenda) as a stored PDF. The link appears once the PDF
 * exists, because a tab opened after the request returns would be taken for a pop-up and blocked.
 */
export function PrintNoteButton({ noteId, patientId }: { noteId: string; patientId: string }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [doc, setDoc] = useState<DocumentSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const print = async () => {
    setBusy(true);
    setError(null);
    try {
      setDoc(await printNote(noteId));
      await queryClient.invalidateQueries({ queryKey: documentsKey(patientId) });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group gap="sm">
      <Button variant="light" loading={busy} onClick={print}>
        Print note (PDF)
      </Button>
      {doc && (
        <Anchor href={documentUrl(doc.id)} target="_blank" rel="noopener">
          Open {doc.title} (version {doc.version})
        </Anchor>
      )}
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Group>
  );
}
