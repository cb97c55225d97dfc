/**
 * The alerts the chart header always shows: what would stop or change treatment today, what the
 * patient reacts to, and how far along a pregnancy is. Contraindications come from the screening
 * engine run on the history alone, so the header and the day-of screening never disagree.
 */
import { screen } from '../screening/engine.ts';
import { PRODUCT_RULE_IDS } from '../screening/rules/product-rules.ts';
import type { IsoDate } from './calendar-date.ts';
import type { Allergy, HealthHistory } from './health-history.schema.ts';
import { gestationalAge, isOngoingPregnancy } from './pregnancy.ts';

export type AlertLevel = 'danger' | 'warning' | 'info';

export interface PatientAlert {
  kind: 'contraindication' | 'allergy' | 'pregnancy' | 'device';
  level: AlertLevel;
  label: string;
  detail?: string;
  /** For contraindications: the screening rule behind the alert. */
  ruleId?: string;
}

const LEVEL_ORDER: Record<AlertLevel, number> = { danger: 0, warning: 1, info: 2 };

const ALLERGY_LEVEL: Record<Allergy['severity'], AlertLevel> = {
  severe: 'danger',
  moderate: 'warning',
  mild: 'info',
};

const SEVERITY_LEVEL = { stop: 'danger', avoid: 'warning', modify: 'warning' } as const;

const DEVICE_WORDS: Record<NonNullable<HealthHistory['devices']>[number]['kind'], string> = {
  pacemaker: 'Pacemaker',
  defibrillator: 'Implanted defibrillator',
  insulin_pump: 'Insulin pump',
  neurostimulator: 'Neurostimulator',
  joint_replacement: 'Joint replacement',
  breast_implant: 'Breast implant',
  port_catheter: 'Port or catheter',
  other: 'Implanted device',
};

export function patientAlerts(history: HealthHistory, asOf: IsoDate): PatientAlert[] {
  const alerts: PatientAlert[] = [];
  for (const finding of screen({ asOf, history }).findings) {
    // Allergy findings would repeat the allergy alert below in other words.
    if (finding.standing || PRODUCT_RULE_IDS.has(finding.ruleId)) continue;
    alerts.push({
      kind: 'contraindication',
      level: SEVERITY_LEVEL[finding.severity],
      label: finding.reason,
      ruleId: finding.ruleId,
    });
  }
  for (const allergy of history.allergies ?? []) {
    alerts.push({
      kind: 'allergy',
      level: ALLERGY_LEVEL[allergy.severity],
      label: `Allergy: ${allergy.substance}`,
      ...(allergy.reaction ? { detail: allergy.reaction } : {}),
    });
  }
  const pregnancy = history.pregnancy;
  if (pregnancy && isOngoingPregnancy(pregnancy.edd, asOf)) {
    const age = gestationalAge(pregnancy.edd, asOf);
    alerts.push({
      kind: 'pregnancy',
      level: pregnancy.highRisk ? 'danger' : 'warning',
      label: `Pregnant, ${age.label} (trimester ${age.trimester})${pregnancy.highRisk ? ', high-risk' : ''}`,
      detail: `Due ${pregnancy.edd}`,
    });
  }
  for (const device of history.devices ?? []) {
    alerts.push({
      kind: 'device',
      level: 'info',
      label: DEVICE_WORDS[device.kind],
      ...(device.description ? { detail: device.description } : {}),
    });
  }
  return alerts.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
}
