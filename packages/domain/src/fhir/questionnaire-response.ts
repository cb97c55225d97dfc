/**
 * A completed outcome questionnaire as a QuestionnaireResponse. The instruments are defined like
 * FHIR Questionnaires (outcomes/instrument.types.ts), so every answer keeps its linkId; choices are
 * answered with the option's code, integers with the number. A double mark on paper gives two answers.
 */
import type { QuestionnaireResponse, QuestionnaireResponseItemAnswer } from '@medplum/fhirtypes';
import type { InstrumentItem } from '../outcomes/instrument.types.ts';
import { findInstrument } from '../outcomes/instruments.catalogue.ts';
import type { OutcomeResponse } from '../outcomes/response.schema.ts';
import { coding, compact, fasciaSystem, meta, questionnaireUrl, ref } from './common.ts';

export interface OutcomeResponseRow {
  id: string;
  patientId: string;
  response: OutcomeResponse;
  createdBy: string | null;
  createdAt: Date | string;
}

function answer(item: InstrumentItem | undefined, value: number): QuestionnaireResponseItemAnswer {
  if (item?.type === 'choice') {
    const option = item.answerOption?.find((o) => o.value === value);
    if (option) return { valueCoding: coding(fasciaSystem('answer'), option.code, option.display) };
  }
  if (item?.type === 'boolean') return { valueBoolean: value === 1 };
  return Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value };
}

export function toFhirQuestionnaireResponse(row: OutcomeResponseRow): QuestionnaireResponse {
  const r = row.response;
  const instrument = findInstrument(r.instrumentId);
  const items = new Map(instrument?.item.map((i) => [i.linkId, i]));
  const byPatient = r.completedBy === 'patient';
  return compact<QuestionnaireResponse>({
    resourceType: 'QuestionnaireResponse',
    id: row.id,
    meta: meta(row.createdAt),
    questionnaire: questionnaireUrl(r.instrumentId),
    status: 'completed',
    subject: ref('Patient', row.patientId),
    authored: r.administeredOn,
    author: !byPatient && row.createdBy ? ref('Practitioner', row.createdBy) : ref('Patient', row.patientId),
    source: byPatient ? ref('Patient', row.patientId) : undefined,
    item: Object.entries(r.answers).map(([linkId, value]) => {
      const item = items.get(linkId);
      const values = value === null ? [] : Array.isArray(value) ? value : [value as number];
      return compact({
        linkId,
        text: r.itemLabels?.[linkId] ?? item?.text,
        answer: values.map((v) => answer(item, v)),
      });
    }),
  });
}
