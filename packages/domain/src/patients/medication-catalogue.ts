/**
 * Medications that matter to touch, by generic name (with common US brand names), each mapped to
 * the class the screening rules read. A therapist records "sertraline" by name and the class
 * follows, so an interaction such as an SSRI with an NSAID is caught without the therapist knowing
 * the pharmacology. The list is deliberately small: drugs that change pressure, bruising, skin or
 * sensation. Anything else is recorded with a class chosen by hand, as before.
 *
 * Classes follow the drugs' US prescribing information (DailyMed) and the WHO ATC index
 * (N06AB selective serotonin reuptake inhibitors, N06AX16/N06AX21/N06AX23 the SNRIs venlafaxine,
 * duloxetine, desvenlafaxine, B01AA/B01AE/B01AF/B01AB anticoagulants, B01AC platelet aggregation
 * inhibitors, M01A NSAIDs, H02AB glucocorticoids, M03B centrally acting muscle relaxants, N02A opioids).
 */
import type { MedicationClass } from './health-history.schema.ts';
import { normalizeForSearch } from './name-search.ts';

export interface CataloguedMedication {
  /** Generic (INN/USAN) name, lower case as written on a label. */
  generic: string;
  brands: readonly string[];
  class: MedicationClass;
}

const m = (generic: string, cls: MedicationClass, ...brands: string[]): CataloguedMedication => ({
  generic,
  brands,
  class: cls,
});

export const MEDICATION_CATALOGUE: readonly CataloguedMedication[] = [
  m('sertraline', 'ssri', 'Zoloft'),
  m('fluoxetine', 'ssri', 'Prozac'),
  m('citalopram', 'ssri', 'Celexa'),
  m('escitalopram', 'ssri', 'Lexapro'),
  m('paroxetine', 'ssri', 'Paxil'),
  m('fluvoxamine', 'ssri', 'Luvox'),
  m('venlafaxine', 'snri', 'Effexor XR'),
  m('duloxetine', 'snri', 'Cymbalta'),
  m('desvenlafaxine', 'snri', 'Pristiq'),
  m('levomilnacipran', 'snri', 'Fetzima'),
  m('milnacipran', 'snri', 'Savella'),
  m('amitriptyline', 'antidepressant'),
  m('nortriptyline', 'antidepressant', 'Pamelor'),
  m('bupropion', 'antidepressant', 'Wellbutrin'),
  m('mirtazapine', 'antidepressant', 'Remeron'),
  m('trazodone', 'antidepressant'),
  m('warfarin', 'anticoagulant', 'Coumadin', 'Jantoven'),
  m('apixaban', 'anticoagulant', 'Eliquis'),
  m('rivaroxaban', 'anticoagulant', 'Xarelto'),
  m('dabigatran', 'anticoagulant', 'Pradaxa'),
  m('edoxaban', 'anticoagulant', 'Savaysa'),
  m('enoxaparin', 'anticoagulant', 'Lovenox'),
  m('heparin', 'anticoagulant'),
  m('clopidogrel', 'antiplatelet', 'Plavix'),
  m('prasugrel', 'antiplatelet', 'Effient'),
  m('ticagrelor', 'antiplatelet', 'Brilinta'),
  // Daily low-dose aspirin is taken to stop platelets clumping; that is why a therapist hears of it.
  m('aspirin', 'antiplatelet', 'Bayer', 'Ecotrin'),
  m('ibuprofen', 'nsaid', 'Advil', 'Motrin'),
  m('naproxen', 'nsaid', 'Aleve', 'Naprosyn'),
  m('diclofenac', 'nsaid', 'Voltaren'),
  m('celecoxib', 'nsaid', 'Celebrex'),
  m('meloxicam', 'nsaid', 'Mobic'),
  m('ketorolac', 'nsaid', 'Toradol'),
  m('indomethacin', 'nsaid', 'Indocin'),
  m('prednisone', 'corticosteroid'),
  m('prednisolone', 'corticosteroid'),
  m('methylprednisolone', 'corticosteroid', 'Medrol'),
  m('dexamethasone', 'corticosteroid', 'Decadron'),
  m('hydrocortisone', 'corticosteroid', 'Cortef'),
  m('cyclobenzaprine', 'muscle_relaxant', 'Flexeril', 'Amrix'),
  m('tizanidine', 'muscle_relaxant', 'Zanaflex'),
  m('methocarbamol', 'muscle_relaxant', 'Robaxin'),
  m('baclofen', 'muscle_relaxant', 'Lioresal'),
  m('carisoprodol', 'muscle_relaxant', 'Soma'),
  m('metaxalone', 'muscle_relaxant', 'Skelaxin'),
  m('oxycodone', 'opioid_analgesic', 'OxyContin', 'Percocet'),
  m('hydrocodone', 'opioid_analgesic', 'Norco', 'Vicodin'),
  m('morphine', 'opioid_analgesic', 'MS Contin'),
  m('tramadol', 'opioid_analgesic', 'Ultram'),
  m('codeine', 'opioid_analgesic'),
  m('fentanyl', 'opioid_analgesic', 'Duragesic'),
  m('hydromorphone', 'opioid_analgesic', 'Dilaudid'),
  m('acetaminophen', 'other_analgesic', 'Tylenol'),
  m('gabapentin', 'anticonvulsant', 'Neurontin'),
  m('pregabalin', 'anticonvulsant', 'Lyrica'),
  m('insulin', 'insulin_antidiabetic', 'Lantus', 'Humalog', 'Novolog'),
  m('metformin', 'insulin_antidiabetic', 'Glucophage'),
  m('lisinopril', 'antihypertensive', 'Zestril', 'Prinivil'),
  m('amlodipine', 'antihypertensive', 'Norvasc'),
  m('losartan', 'antihypertensive', 'Cozaar'),
  m('metoprolol', 'antihypertensive', 'Lopressor', 'Toprol-XL'),
  m('hydrochlorothiazide', 'antihypertensive'),
  m('methotrexate', 'immunosuppressant', 'Trexall'),
];

const key = (text: string) => normalizeForSearch(text).replace(/[^\p{L}\p{N} -]/gu, '');

/**
 * The catalogued medication a recorded name refers to: its generic or brand name, alone or
 * followed by a salt, strength or form ("sertraline 50 mg", "Zoloft tablets", "sertraline HCl").
 * A name that only contains a catalogued word later on ("not on warfarin") does not match.
 */
export function findMedication(name: string): CataloguedMedication | undefined {
  const text = key(name);
  if (text === '') return undefined;
  const startsWith = (word: string) => {
    const w = key(word);
    return text === w || text.startsWith(`${w} `) || text.startsWith(`${w}-`);
  };
  // Longest name first, so "desvenlafaxine" is not read as "venlafaxine" and "milnacipran" is not
  // taken for "levomilnacipran".
  let best: { entry: CataloguedMedication; length: number } | undefined;
  for (const entry of MEDICATION_CATALOGUE) {
    for (const word of [entry.generic, ...entry.brands]) {
      if (startsWith(word) && (!best || word.length > best.length)) best = { entry, length: word.length };
    }
  }
  return best?.entry;
}

/** The class a name implies, when it is catalogued. */
export function classOfMedication(name: string): MedicationClass | undefined {
  return findMedication(name)?.class;
}

/** Catalogue entries whose generic or brand name starts with what has been typed, for a search field. */
export function searchMedications(query: string, limit = 10): CataloguedMedication[] {
  const q = key(query);
  if (q === '') return [];
  const hits = MEDICATION_CATALOGUE.filter((entry) =>
    [entry.generic, ...entry.brands].some((word) => key(word).startsWith(q)),
  );
  return hits.slice(0, limit);
}

/** "sertraline (Zoloft)" — how the catalogue names a drug in a picker. */
export function medicationLabel(entry: CataloguedMedication): string {
  return entry.brands.length ? `${entry.generic} (${entry.brands.join(', ')})` : entry.generic;
}
