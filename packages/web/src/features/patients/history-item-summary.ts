import type { HealthHistory } from '@fascia/domain/patients/health-history.schema';
import { lookupIcd10 } from '@fascia/domain/patients/icd10';
import { regionWords } from './body-region-picker.tsx';
import type { HistoryKind } from './history-api.ts';
import {
  ALLERGY_CATEGORY_OPTIONS,
  DEVICE_KIND_OPTIONS,
  INJURY_KIND_OPTIONS,
  MEDICATION_CLASS_OPTIONS,
  optionLabel,
} from './history-form-parts.tsx';
import { describeDueDate } from './history-other-forms.tsx';

export interface SummaryLine {
  id: string;
  title: string;
  detail?: string;
}

const join = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' · ') || undefined;

/** One line per recorded item, in the words a therapist reads the history in. */
export function summarise(kind: HistoryKind, history: HealthHistory, today: string): SummaryLine[] {
  switch (kind) {
    case 'conditions':
      return (history.conditions ?? []).map((c) => ({
        id: c.id ?? '',
        title: c.code ? `${c.code} ${lookupIcd10(c.code)?.description ?? ''}`.trim() : (c.label ?? ''),
        detail: join(
          c.code && c.label,
          c.status === 'resolved' ? 'Resolved' : 'Active',
          c.onset && `since ${c.onset}`,
          c.regions && regionWords(c.regions),
          c.flare && 'flaring now',
          c.controlled === false && 'not under control',
        ),
      }));
    case 'surgeries':
      return (history.surgeries ?? []).map((s) => ({
        id: s.id ?? '',
        title: s.description,
        detail: join(
          s.date,
          regionWords(s.regions),
          s.avoidUntil && `restricted until ${s.avoidUntil}`,
          s.lymphNodeRemoval && `${s.lymphNodeRemoval.side} ${s.lymphNodeRemoval.site} lymph nodes removed`,
        ),
      }));
    case 'injuries':
      return (history.injuries ?? []).map((i) => ({
        id: i.id ?? '',
        title: optionLabel(INJURY_KIND_OPTIONS, i.kind),
        detail: join(i.date, regionWords(i.regions), i.healedOn && `healed ${i.healedOn}`, i.note),
      }));
    case 'medications':
      return (history.medications ?? []).map((m) => ({
        id: m.id ?? '',
        title: m.name,
        detail: join(
          optionLabel(MEDICATION_CLASS_OPTIONS, m.class),
          m.dose,
          m.startedOn && `since ${m.startedOn}`,
          m.stoppedOn && `stopped ${m.stoppedOn}`,
        ),
      }));
    case 'allergies':
      return (history.allergies ?? []).map((a) => ({
        id: a.id ?? '',
        title: a.substance,
        detail: join(optionLabel(ALLERGY_CATEGORY_OPTIONS, a.category), a.severity, a.reaction),
      }));
    case 'pregnancy': {
      const p = history.pregnancy;
      if (!p) return [];
      return [
        {
          id: p.id ?? '',
          title: `Due ${p.edd}`,
          detail: join(describeDueDate(p.edd, today)?.text, p.highRisk && 'high-risk', p.note),
        },
      ];
    }
    case 'devices':
      return (history.devices ?? []).map((d) => ({
        id: d.id ?? '',
        title: optionLabel(DEVICE_KIND_OPTIONS, d.kind),
        detail: join(d.description, d.regions && regionWords(d.regions), d.implantedOn),
      }));
    case 'labs':
      return (history.labs ?? []).map((l) => ({
        id: l.id ?? '',
        title:
          l.test === 'platelets'
            ? `Platelets ${l.perMicroliter.toLocaleString('en-US')} per µL`
            : `INR ${l.value}`,
        detail: `taken ${l.takenOn}`,
      }));
    case 'radiation':
      return (history.radiation ?? []).map((r) => ({
        id: r.id ?? '',
        title: `Radiation to ${regionWords(r.regions)}`,
        detail: join(`from ${r.startedOn}`, r.endedOn && `to ${r.endedOn}`),
      }));
  }
}
