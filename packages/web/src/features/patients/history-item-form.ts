import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { ApiProblem } from '../../api/client.ts';
import { applyProblem } from '../../components/form-problem.ts';
import { type HistoryKind, historyKey, recordHistoryItem } from './history-api.ts';
import type { CorrectedItem } from './history-form-parts.tsx';
import { plainMessage } from './patient-form-values.ts';

/**
 * The field a schema issue or a server error (`item.regions.0.regionId`) belongs to: its first
 * segment under `item`, renamed where the form's input has another name (regions → site).
 */
export function itemField(path: string, rename: Record<string, string>): string {
  const first = path.replace(/^item\./, '').split('.')[0] ?? path;
  return rename[first] ?? first;
}

// Stamped by the server on every save; a correction must not send the old item's stamps back.
const STAMPS = ['id', 'recordedAt', 'recordedBy', 'replacesId'];

/**
 * One "Add …" form of the history editor: validates with the same domain schema the server uses
 * (stamped as if recorded now), posts the item, shows field errors under their inputs. Opened on
 * a recorded item (`correcting`), it starts from that item's values and saves a correction, which
 * keeps any field the form has no input for.
 */
export function useHistoryItemForm<V extends Record<string, unknown>>({
  patientId,
  kind,
  initialValues,
  toItem,
  schema,
  rename = {},
  onSaved,
  correcting,
  fromItem,
}: {
  patientId: string;
  kind: HistoryKind;
  initialValues: V;
  toItem: (values: V) => Record<string, unknown>;
  schema: z.ZodType;
  rename?: Record<string, string>;
  onSaved: () => void;
  correcting?: CorrectedItem | undefined;
  fromItem?: (item: Record<string, unknown>) => Partial<V>;
}) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const itemOf = (values: V) => {
    const kept = Object.fromEntries(
      Object.entries(correcting?.item ?? {}).filter(([key]) => !STAMPS.includes(key)),
    );
    const item = { ...kept, ...toItem(values) };
    // The form's picker holds one region: when that one is unchanged, the others stay recorded.
    const [was, now] = [kept.regions, item.regions];
    if (Array.isArray(was) && Array.isArray(now) && now.length === 1 && sameRegion(was[0], now[0])) {
      item.regions = was;
    }
    return dropEmpty(item);
  };
  const form = useForm<V>({
    initialValues:
      correcting && fromItem ? { ...initialValues, ...fromItem(correcting.item) } : initialValues,
    validate: (values) => {
      const stamped = {
        ...itemOf(values),
        recordedAt: new Date().toISOString(),
        recordedBy: 'self',
      };
      const parsed = schema.safeParse(stamped);
      const errors: Record<string, string> = {};
      if (parsed.success) return errors;
      for (const issue of parsed.error.issues) {
        const field = itemField(issue.path.map(String).join('.'), rename);
        if (!errors[field]) errors[field] = plainMessage(issue.message);
      }
      return errors;
    },
  });

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      await recordHistoryItem(patientId, kind, itemOf(values), correcting?.id);
      await queryClient.invalidateQueries({ queryKey: historyKey(patientId) });
      // The chart header's alerts and the screening context are derived from the history.
      await queryClient.invalidateQueries({ queryKey: ['patients', patientId], exact: true });
      await queryClient.invalidateQueries({ queryKey: ['patients', patientId, 'screening-context'] });
      onSaved();
    } catch (err) {
      const renamed =
        err instanceof ApiProblem
          ? new ApiProblem({
              ...err.problem,
              errors: err.problem.errors?.map((e) => ({ ...e, field: itemField(e.field, rename) })),
            })
          : err;
      setMessage(applyProblem(form, renamed) || null);
    }
  });

  // Cancel and a successful save both close the form.
  const frame = { message, submitting: form.submitting, onSubmit: submit, onCancel: onSaved };
  // Spread after each form's own "Add …" title, so a correction names what it corrects.
  return { form, frame: correcting ? { ...frame, title: `Correct ${correcting.title}` } : frame };
}

function sameRegion(a: unknown, b: unknown): boolean {
  const [x, y] = [a as { regionId?: string; side?: string }, b as { regionId?: string; side?: string }];
  return x?.regionId === y?.regionId && (x?.side ?? '') === (y?.side ?? '');
}

/** Empty optional inputs are left out rather than sent as "" (which the schema would refuse). */
export function dropEmpty(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined && v !== ''));
}

export const optionalText = (v: string) => (v.trim() === '' ? undefined : v.trim());
