import {
  Button,
  Code,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatDateTime } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { hasPermission, useSession } from '../auth/session-query.ts';
import { useReferrals } from '../referrals/referrals-api.ts';
import { ShareDialog } from '../sharing/share-dialog.tsx';
import { GenerateReportForm } from './generate-report-form.tsx';
import {
  type DocumentView,
  documentKindLabel,
  documentUrl,
  formatBytes,
  shortHash,
  useDocuments,
} from './reports-api.ts';

/** Reports and printed notes generated for this patient: the copies physicians and payers receive. */
export function DocumentsTab({ patientId }: { patientId: string }) {
  const { data: session } = useSession();
  const documents = useDocuments(patientId);
  const canGenerate = hasPermission(session, 'reports.generate');
  const [generating, setGenerating] = useState(false);
  const [sharing, setSharing] = useState<DocumentView | null>(null);

  return (
    <Stack>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text c="dimmed">
          Reports for referring physicians and printed visit notes, newest first. Each copy is kept exactly as
          generated, with its fingerprint.
        </Text>
        {canGenerate && (
          <Button onClick={() => setGenerating(true)} style={{ flexShrink: 0 }}>
            Generate report
          </Button>
        )}
      </Group>
      <QueryState query={documents} label="documents">
        {({ items }) =>
          items.length === 0 ? (
            <Paper withBorder p="md">
              <Text c="dimmed">No document generated yet.</Text>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={700}>
              <Table verticalSpacing="sm" aria-label="Documents">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Document</Table.Th>
                    <Table.Th>Generated</Table.Th>
                    <Table.Th>Fingerprint</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((doc) => (
                    <DocumentRow
                      key={doc.id}
                      doc={doc}
                      onShare={canGenerate ? () => setSharing(doc) : undefined}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <Modal opened={generating} onClose={() => setGenerating(false)} title="Generate report" size="lg">
        {generating && (
          <GenerateReportPanel
            patientId={patientId}
            onDone={(title) => {
              setGenerating(false);
              notifications.show({ color: 'teal', title: 'Report generated', message: title });
            }}
          />
        )}
      </Modal>
      <ShareDialog document={sharing} onClose={() => setSharing(null)} />
    </Stack>
  );
}

function GenerateReportPanel({ patientId, onDone }: { patientId: string; onDone: (title: string) => void }) {
  const referrals = useReferrals(patientId);
  return (
    <QueryState query={referrals} label="referrals">
      {({ items }) =>
        items.length === 0 ? (
          <Text>A report answers a physician's referral. Add the referral on the Referrals tab first.</Text>
        ) : (
          <GenerateReportForm patientId={patientId} referrals={items} onDone={(doc) => onDone(doc.title)} />
        )
      }
    </QueryState>
  );
}

function DocumentRow({ doc, onShare }: { doc: DocumentView; onShare?: (() => void) | undefined }) {
  return (
    <Table.Tr data-testid="document-row">
      <Table.Td>
        <Text fw={600} size="sm">
          {doc.title}
        </Text>
        <Text size="xs" c="dimmed">
          {documentKindLabel(doc.kind)} · version {doc.version} · {formatBytes(doc.sizeBytes)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(doc.createdAt)}</Text>
        <Text size="xs" c="dimmed">
          by {doc.generatedBy}
        </Text>
      </Table.Td>
      <Table.Td>
        <Tooltip label={`SHA-256 ${doc.sha256}`} multiline w={300}>
          <Code>{shortHash(doc.sha256)}</Code>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" justify="flex-end">
          <Button
            component="a"
            href={documentUrl(doc.id)}
            target="_blank"
            rel="noopener"
            variant="light"
            size="xs"
          >
            Open
          </Button>
          {onShare && (
            <Button variant="subtle" size="xs" onClick={onShare}>
              Share with physician
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
