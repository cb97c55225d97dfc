import type { FieldProblem } from '../../../api/problem.ts';
import type { AssessmentContent } from '../assessment-content.ts';

/** What every section of the assessment form receives. */
export interface SectionProps {
  content: AssessmentContent;
  setContent: (update: (current: AssessmentContent) => AssessmentContent) => void;
  problems: readonly FieldProblem[];
  readOnly: boolean;
  performedOn: string;
}

type ListKey = 'rom' | 'specialTests' | 'palpation' | 'outcomes' | 'problemList';
type RowOf<K extends ListKey> = NonNullable<AssessmentContent[K]>[number];

/** Append, replace and remove rows of one list of the content, as each row editor needs. */
export function listOf<K extends ListKey>(setContent: SectionProps['setContent'], key: K) {
  const rows = (c: AssessmentContent) => (c[key] ?? []) as RowOf<K>[];
  return {
    append: (row: RowOf<K>) => setContent((c) => ({ ...c, [key]: [...rows(c), row] })),
    replace: (index: number, row: RowOf<K>) =>
      setContent((c) => ({ ...c, [key]: rows(c).map((r, i) => (i === index ? row : r)) })),
    remove: (index: number) => setContent((c) => ({ ...c, [key]: rows(c).filter((_, i) => i !== index) })),
  };
}
