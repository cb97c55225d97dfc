import { screen } from '@fascia/domain/screening/engine';
import { screeningInputSchema } from '@fascia/domain/screening/screening-input.schema';
import type { ScreeningFinding } from '@fascia/domain/screening/types';
import { clinicToday } from '../../platform/patient-access.ts';
import type { Tx } from '../../platform/tenancy.ts';
import { loadHealthHistory } from '../health-history/health-history.repo.ts';
import { activePrecautions } from './screening.repo.ts';

/**
 * The findings that stand for the patient today without the day-of answers: what a plan of care
 * is checked against. (A session note is checked against its own day-of screening instead.)
 */
export async function currentFindings(
  tx: Tx,
  patientId: string,
): Promise<{ asOf: string; findings: ScreeningFinding[] }> {
  const org = await tx.selectFrom('organizations').select('time_zone').executeTakeFirstOrThrow();
  const asOf = clinicToday(org.time_zone);
  const input = screeningInputSchema.parse({
    asOf,
    history: await loadHealthHistory(tx, patientId),
    precautions: await activePrecautions(tx, patientId, asOf),
  });
  return { asOf, findings: screen(input).findings };
}
