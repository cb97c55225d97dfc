import { Input } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A plain file input under a Mantine label: the browser's own picker works with a tablet's
 * camera and with test automation alike. A file of another type or over the size is refused here,
 * before it is read and sent, with the message the caller gives.
 */
export function FileField({
  id,
  label,
  description,
  types,
  maxBytes,
  wrongType,
  error,
  onError,
  onFile,
}: {
  id: string;
  label: string;
  description: ReactNode;
  types: readonly string[];
  maxBytes: number;
  wrongType: string;
  error: string | null;
  onError: (message: string | null) => void;
  onFile: (file: File | null) => void;
}) {
  return (
    <Input.Wrapper label={label} description={description} error={error} id={`${id}-wrapper`}>
      <input
        id={id}
        aria-label={label}
        type="file"
        accept={types.join(',')}
        style={{ display: 'block', marginTop: 4 }}
        onChange={(e) => {
          const chosen = e.currentTarget.files?.[0] ?? null;
          onError(null);
          if (chosen && !types.includes(chosen.type)) {
            onError(wrongType);
            onFile(null);
          } else if (chosen && chosen.size > maxBytes) {
            onError(`The file is larger than ${Math.round(maxBytes / (1024 * 1024))} MB.`);
            onFile(null);
          } else onFile(chosen);
        }}
      />
    </Input.Wrapper>
  );
}
