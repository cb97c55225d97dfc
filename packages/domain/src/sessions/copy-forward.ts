/**
 * Copy forward: a routine visit starts from what was done last time, so the therapist adjusts
 * rather than retypes. Only what describes the treatment is carried (techniques, positions, home
 * care, the goals to report on); what the patient says and what the therapist observes and
 * concludes today is always written fresh, and safety overrides are never carried, since they
 * answer the previous day's screening. Carried content stays marked until it is edited, so the
 * signed note shows what was copied.
 */
import type { DraftNote, SignedNote } from './session-note.schema.ts';

export interface CopyForwardContext {
  visitDate: string;
  screeningId: string;
  appointmentId?: string;
  /** The plan in force today; defaults to the plan the previous note followed. */
  planId?: string;
}

export function copyForward(previous: SignedNote, context: CopyForwardContext): DraftNote {
  const planId = context.planId ?? previous.planId;
  const draft: DraftNote = {
    patientId: previous.patientId,
    ...(planId === undefined ? {} : { planId }),
    ...(context.appointmentId === undefined ? {} : { appointmentId: context.appointmentId }),
    visitDate: context.visitDate,
    outcome: 'treated',
    overrides: [],
    carriedOver: [],
    subjective: { screeningId: context.screeningId },
    objective: {},
    assessment: {},
    plan: {},
  };
  if (previous.outcome !== 'treated') return draft;

  const techniques = previous.objective.techniques.map((line) => ({ ...line }));
  draft.objective = { techniques, positions: [...previous.objective.positions] };
  // Which goals to report on carries over; how each one progressed is today's judgement.
  draft.assessment = { goalProgress: previous.assessment.goalProgress.map(({ goalId }) => ({ goalId })) };
  draft.plan = { homeCareGiven: [...previous.plan.homeCareGiven] };
  draft.carriedOver = [
    ...techniques.map((_line, index) => `objective.techniques.${index}`),
    'objective.positions',
    ...(previous.plan.homeCareGiven.length > 0 ? ['plan.homeCareGiven'] : []),
  ];
  return draft;
}

/** The carried-over marks that remain once the field at `path` has been edited. */
export function markEdited(carriedOver: readonly string[], path: string): string[] {
  return carriedOver.filter(
    (carried) => carried !== path && !path.startsWith(`${carried}.`) && !carried.startsWith(`${path}.`),
  );
}

/**
 * Removes a technique line and renumbers what points at later lines (carried-over marks and
 * overrides), so a mark or a written override never slides onto another line.
 */
export function removeTechniqueLine(draft: DraftNote, index: number): DraftNote {
  const techniques = draft.objective.techniques ?? [];
  if (!Number.isInteger(index) || index < 0 || index >= techniques.length) {
    throw new RangeError(`There is no technique line ${index}`);
  }
  const linePath = /^objective\.techniques\.(\d+)(\..*)?$/;
  const carriedOver = draft.carriedOver.flatMap((path) => {
    const match = linePath.exec(path);
    if (!match) return [path];
    const line = Number(match[1]);
    if (line === index) return [];
    return [line > index ? `objective.techniques.${line - 1}${match[2] ?? ''}` : path];
  });
  const overrides = draft.overrides.flatMap((override) => {
    const line = override.techniqueLine;
    if (line === null || line < index) return [override];
    if (line === index) return [];
    return [{ ...override, techniqueLine: line - 1 }];
  });
  return {
    ...draft,
    objective: { ...draft.objective, techniques: techniques.filter((_line, i) => i !== index) },
    carriedOver,
    overrides,
  };
}
