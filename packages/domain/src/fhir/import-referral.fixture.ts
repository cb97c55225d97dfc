import type { Bundle } from '@medplum/fhirtypes';
import { SYSTEM } from './common.ts';

/** A referral as a physician's EHR sends it: transaction Bundle with ServiceRequest, Patient, Practitioner, Condition. */
export function referralBundle(over: { npi?: string; diagnosis?: string; birthDate?: string } = {}): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:sr',
        resource: {
          resourceType: 'ServiceRequest',
          status: 'active',
          intent: 'order',
          subject: { reference: 'urn:uuid:pat' },
          requester: { reference: 'urn:uuid:doc' },
          authoredOn: '2025-03-01',
          reasonCode: [{ coding: [{ system: SYSTEM.icd10cm, code: over.diagnosis ?? 'M54.50' }] }],
          reasonReference: [{ reference: 'urn:uuid:cond' }],
          occurrenceTiming: {
            repeat: {
              frequency: 2,
              period: 1,
              periodUnit: 'wk',
              boundsDuration: { value: 6, unit: 'wk', code: 'wk', system: SYSTEM.ucum },
            },
          },
          quantityQuantity: { value: 12 },
        },
      },
      {
        fullUrl: 'urn:uuid:pat',
        resource: {
          resourceType: 'Patient',
          name: [{ use: 'official', family: 'Okafor', given: ['Chidi'] }],
          birthDate: over.birthDate ?? '1975-09-14',
          gender: 'male',
          telecom: [{ system: 'phone', value: '+1 555 010 7000' }],
        },
      },
      {
        fullUrl: 'urn:uuid:doc',
        resource: {
          resourceType: 'Practitioner',
          identifier: [{ system: SYSTEM.npi, value: over.npi ?? '1234567893' }],
          name: [{ family: 'Reyes', given: ['Ana'], suffix: ['MD'] }],
        },
      },
      {
        fullUrl: 'urn:uuid:cond',
        resource: {
          resourceType: 'Condition',
          subject: { reference: 'urn:uuid:pat' },
          code: { coding: [{ system: SYSTEM.icd10cm, code: 'M62.830' }] },
        },
      },
    ],
  };
}
