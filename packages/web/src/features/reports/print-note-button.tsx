import { Anchor, Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../components/query-state.tsx';
import { type DocumentSummary, documentsKey, documentUrl, printNote } from './reports-api.ts';

/**
 * Prints a signed visit note (with its addenda): the server returns the PDF already made when the
 * note is unchanged, and the PDF opens in a new tab for the browser's print dialog. The tab is
 * opened on the click itself, since one opened after the request returns is taken for a pop-up;
 * the link stays as the way in when the browser blocks it all the same.
 */
export function PrintNoteButton({ noteId, patientId }: { noteId: string; patientId: string }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [doc, setDoc] = useState<DocumentSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const print = async () => {
    setBusy(true);
    setError(null);
    const tab = window.open('', '_blank');
    try {
      const printed = await printNote(noteId);
      setDoc(printed);
      if (tab) {
        tab.opener = null;
        tab.location.href = documentUrl(printed.id);
      }
      await queryClient.invalidateQueries({ queryKey: documentsKey(patientId) });
    } catch (err) {
      tab?.close();
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
