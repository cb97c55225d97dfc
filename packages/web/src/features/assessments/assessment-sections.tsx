import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { problemsUnder } from './assessment-content.ts';
import type { AssessmentView } from './assessments-api.ts';
import { BaselineComparison, BaselineSelect } from './baseline-section.tsx';
import { PosturePhotos } from './posture-photos.tsx';
import { ImpressionSection, ProblemListSection } from './sections/impression-section.tsx';
import { OutcomeMeasuresSection } from './sections/outcome-measures-section.tsx';
import { PainDrawingSection, PalpateFirst } from './sections/pain-drawing-section.tsx';
import { PalpationSection } from './sections/palpation-section.tsx';
import { PostureSection } from './sections/posture-section.tsx';
import { RomSection } from './sections/rom-section.tsx';
import type { SectionProps } from './sections/section-props.ts';
import { SpecialTestsSection } from './sections/special-tests-section.tsx';
import { SubjectiveSection } from './sections/subjective-section.tsx';

export const SECTIONS = [
  { id: 'subjective', title: 'Subjective', path: 'subjective' },
  { id: 'pain', title: 'Pain drawing', path: 'painDrawing' },
  { id: 'palpation', title: 'Palpation findings', path: 'palpation' },
  { id: 'rom', title: 'Range of motion', path: 'rom' },
  { id: 'special-tests', title: 'Special tests', path: 'specialTests' },
  { id: 'posture', title: 'Posture', path: 'posture' },
  { id: 'outcomes', title: 'Outcome measures', path: 'outcomes' },
  { id: 'impression', title: 'Clinical impression', path: 'clinicalImpression' },
  { id: 'problems', title: 'Problem list', path: 'problemList' },
] as const;

function Section({
  id,
  title,
  flagged,
  children,
}: {
  id: string;
  title: string;
  flagged: boolean;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`section-${id}`} id={id}>
      <Title order={2} size="h3" id={`section-${id}`} mb="sm" c={flagged ? 'red.8' : undefined}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Every part of the assessment in examination order; the same for a draft and a signed record. */
export function AssessmentSections({ view, ...props }: SectionProps & { view: AssessmentView }) {
  const flagged = (path: string) => !props.readOnly && problemsUnder(props.problems, path).length > 0;
  const body: Record<(typeof SECTIONS)[number]['id'], ReactNode> = {
    subjective: <SubjectiveSection {...props} />,
    pain: (
      <Stack>
        <PainDrawingSection {...props} />
        {!props.readOnly && <PalpateFirst {...props} />}
      </Stack>
    ),
    palpation: <PalpationSection {...props} />,
    rom: <RomSection {...props} />,
    'special-tests': <SpecialTestsSection {...props} />,
    posture: (
      <Stack>
        <PostureSection {...props} />
        <PosturePhotos assessmentId={view.id} canAdd={!props.readOnly && view.status === 'draft'} />
      </Stack>
    ),
    outcomes: <OutcomeMeasuresSection {...props} />,
    impression: <ImpressionSection {...props} />,
    problems: <ProblemListSection {...props} />,
  };
  const reEvaluation = view.kind !== 'initial';
  return (
    <Stack>
      {reEvaluation && (
        <Section id="baseline" title="Change since the baseline" flagged={flagged('baselineAssessmentId')}>
          <Stack>
            <BaselineSelect {...props} patientId={view.patientId} selfId={view.id} />
            <BaselineComparison view={view} content={props.content} performedOn={props.performedOn} />
          </Stack>
        </Section>
      )}
      {SECTIONS.map((s) => (
        <Section key={s.id} id={s.id} title={s.title} flagged={flagged(s.path)}>
          {body[s.id]}
        </Section>
      ))}
    </Stack>
  );
}
