/** The patient as a report names them: preferred name in quotes between given and family names. */
export interface PatientRecordLike {
  legalName: { given: string; middle?: string; family: string; suffix?: string };
  preferredName?: string;
  dateOfBirth: string;
  sex: string;
}

export function patientName(r: PatientRecordLike): string {
  return [
    r.legalName.given,
    r.preferredName && r.preferredName !== r.legalName.given ? `"${r.preferredName}"` : '',
    r.legalName.middle,
    r.legalName.family,
    r.legalName.suffix,
  ]
    .filter(Boolean)
    .join(' ');
}
