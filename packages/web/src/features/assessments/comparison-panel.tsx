import type { AssessmentComparison } from '@fascia/domain/assessment/assessment-compare';
import { findInstrument } from '@fascia/domain/outcomes/instruments.catalogue';
import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import type { ChartMark } from '../../components/body-chart/body-chart-layout.ts';
import { PainDrawingComparisonView } from '../../components/body-chart/pain-drawing-view.tsx';
import { OUTCOME_BADGE } from '../outcomes/outcome-labels.ts';

const fmt = (n: number | null | undefined, decimals = 1) =>
  n === null || n === undefined ? '—' : String(Math.round(n * 10 ** decimals) / 10 ** decimals);
const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${fmt(n)}` : fmt(n));

/** What changed since the baseline: every outcome against its MCID, ROM against normal, pain. */
export function ComparisonPanel({
  comparison,
  baselineMarks,
  currentMarks,
  baselineLabel,
  currentLabel,
}: {
  comparison: AssessmentComparison;
  baselineMarks: readonly ChartMark[];
  currentMarks: readonly ChartMark[];
  baselineLabel: string;
  currentLabel: string;
}) {
  return (
    <Stack>
      <Text>{comparison.days} days since the baseline.</Text>
      <Title order={3} size="h5">
        Outcome measures
      </Title>
      {comparison.outcomes.length === 0 ? (
        <Text c="dimmed">No questionnaire was given at both visits yet.</Text>
      ) : (
        <Table striped withTableBorder aria-label="Outcome measures compared">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Measure</Table.Th>
              <Table.Th>Before → after</Table.Th>
              <Table.Th>Change</Table.Th>
              <Table.Th>MCID</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {comparison.outcomes.map((o) => {
              const badge = OUTCOME_BADGE[o.primary.outcome];
              const name = findInstrument(o.instrumentId)?.name ?? o.instrumentId;
              return (
                <Table.Tr key={o.instrumentId} aria-label={name}>
                  <Table.Td>
                    <Text fw={600}>{name}</Text>
                    <Text size="xs" c="dimmed">
                      {o.primary.summary}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {fmt(o.primary.before)} → {fmt(o.primary.after)}
                    {o.primary.bandAfter && (
                      <Text size="xs" c="dimmed">
                        {o.primary.bandBefore ? `${o.primary.bandBefore} → ` : ''}
                        {o.primary.bandAfter}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{signed(o.primary.change)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge color={badge.color} style={{ overflow: 'visible' }}>
                      {badge.label}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {comparison.outcomesNotRepeated.length > 0 && (
        <Text size="sm" c="dimmed">
          Given at one visit only:{' '}
          {comparison.outcomesNotRepeated.map((id) => findInstrument(id)?.name ?? id).join(', ')}.
        </Text>
      )}
      {comparison.rom.length > 0 && (
        <>
          <Title order={3} size="h5">
            Range of motion
          </Title>
          <Table striped withTableBorder aria-label="Range of motion compared">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Motion</Table.Th>
                <Table.Th>Degrees</Table.Th>
                <Table.Th>% of normal</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {comparison.rom.map((r) => (
                <Table.Tr key={`${r.joint}-${r.motion}-${r.side ?? ''}-${r.mode}`}>
                  <Table.Td>
                    {r.joint} {r.motion.replace(/_/g, ' ')}
                    {r.side ? `, ${r.side}` : ''} ({r.mode})
                  </Table.Td>
                  <Table.Td>
                    {r.before}° → {r.after}° ({signed(r.change)}°)
                  </Table.Td>
                  <Table.Td>
                    {r.percentOfNormalBefore ?? '—'} % → {r.percentOfNormalAfter ?? '—'} %
                    {r.limitedAfter === false && (
                      <Badge ml="xs" color="green" variant="light">
                        Within normal
                      </Badge>
                    )}
                    {r.limitedAfter && (
                      <Badge ml="xs" color="orange" variant="light">
                        Limited
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <PainDrawingComparisonView
        before={baselineMarks}
        after={currentMarks}
        beforeLabel={baselineLabel}
        afterLabel={currentLabel}
      />
    </Stack>
  );
}
