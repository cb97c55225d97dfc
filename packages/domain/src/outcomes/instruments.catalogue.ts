/**
 * Every outcome instrument the product offers, in the order a clinic usually sees them. The
 * catalogue is what the kiosk, the assessment form and the progress report look instruments up in.
 */
import { BCTQ } from './bctq.instrument.ts';
import { FIQR } from './fiqr.instrument.ts';
import { HIT6 } from './hit6.instrument.ts';
import type { Instrument } from './instrument.types.ts';
import { LEFS } from './lefs.instrument.ts';
import { NDI } from './ndi.instrument.ts';
import { NPRS } from './nprs.instrument.ts';
import { ODI } from './odi.instrument.ts';
import { PGIC } from './pgic.instrument.ts';
import { PSFS } from './psfs.instrument.ts';
import { QUICKDASH } from './quickdash.instrument.ts';
import { RMDQ } from './rmdq.instrument.ts';

export const INSTRUMENTS: readonly Instrument[] = [
  NPRS,
  ODI,
  RMDQ,
  NDI,
  HIT6,
  QUICKDASH,
  BCTQ,
  LEFS,
  PSFS,
  FIQR,
  PGIC,
];

const byId = new Map(INSTRUMENTS.map((instrument) => [instrument.id, instrument]));

export function findInstrument(id: string): Instrument | undefined {
  return byId.get(id);
}

export function isInstrumentId(id: string): boolean {
  return byId.has(id);
}
