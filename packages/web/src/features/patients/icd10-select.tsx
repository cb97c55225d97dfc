import { type Icd10Code, lookupIcd10, searchIcd10 } from '@fascia/domain/patients/icd10';
import { type ComboboxItem, MultiSelect, Select } from '@mantine/core';
import { useState } from 'react';

/**
 * ICD-10-CM pickers searching the catalogue bundled with the domain package: answers come as the
 * clinician types, without a round trip, and match what the server will accept.
 */
const option = (entry: Icd10Code): ComboboxItem => ({
  value: entry.code,
  label: `${entry.code} — ${entry.description}${entry.billable ? '' : ' (category)'}`,
});

function options(search: string, chosen: string[], billableOnly: boolean): ComboboxItem[] {
  const selected = chosen.flatMap((code) => {
    const entry = lookupIcd10(code);
    return entry ? [option(entry)] : [];
  });
  // Once an option is picked its label fills the box; searching that label would hide the rest.
  const query = selected.some((o) => o.label === search) ? '' : search;
  const hits = searchIcd10(query, { limit: 30, billableOnly }).map((h) => option(h.entry));
  const seen = new Set(selected.map((o) => o.value));
  return [...selected, ...hits.filter((h) => !seen.has(h.value))];
}

const passThrough = ({ options }: { options: ComboboxItem[] | unknown[] }) => options as ComboboxItem[];

export function Icd10Select({
  label,
  value = '',
  onChange,
  error,
  billableOnly = false,
  description,
}: {
  label: string;
  value?: string;
  onChange: (code: string) => void;
  error?: string;
  billableOnly?: boolean;
  description?: string;
}) {
  const [search, setSearch] = useState('');
  return (
    <Select
      label={label}
      description={description ?? 'Type a code (M54.5) or words (low back pain)'}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={options(search, value ? [value] : [], billableOnly)}
      filter={passThrough}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      nothingFoundMessage={search.trim() ? 'No code matches' : 'Start typing'}
      error={error}
      maxDropdownHeight={280}
    />
  );
}

export function Icd10MultiSelect({
  label,
  value = [],
  onChange,
  error,
  billableOnly = false,
  description,
}: {
  label: string;
  value?: string[];
  onChange: (codes: string[]) => void;
  error?: string;
  billableOnly?: boolean;
  description?: string;
}) {
  const [search, setSearch] = useState('');
  return (
    <MultiSelect
      label={label}
      description={description}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={options(search, value, billableOnly)}
      filter={passThrough}
      hidePickedOptions
      value={value}
      onChange={onChange}
      nothingFoundMessage={search.trim() ? 'No billable code matches' : 'Start typing'}
      error={error}
      maxDropdownHeight={280}
    />
  );
}
