import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem } from '../../api/client.ts';
import { FileField } from '../../components/file-field.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { describeError, QueryState } from '../../components/query-state.tsx';
import { fileToBase64 } from '../referrals/referrals-api.ts';
import { addPhoto, type PhotoMediaType, photosKey, photoUrl, usePhotos } from './assessments-api.ts';

const PHOTO_TYPES: PhotoMediaType[] = ['image/jpeg', 'image/png'];
// The server's limit; checked here so a large file is refused before it is read and sent.
const MAX_BYTES = 8 * 1024 * 1024;

/** Posture photos: added while the assessment is a draft, shown (never changed) once it is signed. */
export function PosturePhotos({ assessmentId, canAdd }: { assessmentId: string; canAdd: boolean }) {
  const photos = usePhotos(assessmentId);
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600}>Posture photos</Text>
        {canAdd && !adding && (
          <Button variant="light" size="sm" onClick={() => setAdding(true)}>
            Add photo
          </Button>
        )}
      </Group>
      {adding && <AddPhotoForm assessmentId={assessmentId} onDone={() => setAdding(false)} />}
      <QueryState query={photos} label="the posture photos">
        {(items) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              No photo added.
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 2, sm: 4 }} role="list" aria-label="Posture photos">
              {items.map((p, i) => {
                const name = p.caption ?? `Posture photo ${i + 1}`;
                return (
                  <Paper key={p.id} withBorder p="xs" role="listitem">
                    <Anchor href={photoUrl(assessmentId, p.id)} target="_blank" rel="noopener">
                      <img
                        src={photoUrl(assessmentId, p.id)}
                        alt={name}
                        loading="lazy"
                        style={{ width: '100%', height: 140, objectFit: 'contain', display: 'block' }}
                      />
                    </Anchor>
                    <Text size="sm" mt={4}>
                      {name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(p.uploadedAt)}
                    </Text>
                  </Paper>
                );
              })}
            </SimpleGrid>
          )
        }
      </QueryState>
    </Stack>
  );
}

function AddPhotoForm({ assessmentId, onDone }: { assessmentId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async () => {
    setMessage(null);
    if (!file) {
      setFileError('Choose a JPEG or PNG photo.');
      return;
    }
    setBusy(true);
    try {
      await addPhoto(assessmentId, {
        mediaType: file.type as PhotoMediaType,
        dataBase64: await fileToBase64(file),
        ...(caption.trim() ? { caption: caption.trim() } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: photosKey(assessmentId) });
      onDone();
    } catch (err) {
      const fieldMessage = err instanceof ApiProblem ? err.problem.errors?.[0]?.message : undefined;
      if (fieldMessage) setFileError(fieldMessage);
      else setMessage(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      withBorder
      p="md"
      bg="gray.0"
      component="form"
      aria-label="Add posture photo"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}
    >
      <Stack>
        <FormAlert message={message} title="Photo not added" />
        <FileField
          id="posture-photo"
          label="Posture photo"
          description="JPEG or PNG, up to 8 MB"
          types={PHOTO_TYPES}
          maxBytes={MAX_BYTES}
          wrongType="Choose a JPEG or PNG photo."
          error={fileError}
          onError={setFileError}
          onFile={setFile}
        />
        <TextInput
          label="Caption"
          placeholder="Standing, posterior view"
          maxLength={200}
          value={caption}
          onChange={(e) => setCaption(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Upload photo
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
