import { z } from 'zod';

/** Languages with keywords. en, vi and zh are required for every category; the rest where cheap. */
export const REQUIRED_LANGS = ['en', 'vi', 'zh'] as const;
export const OPTIONAL_LANGS = ['es', 'pt', 'ja', 'ru', 'he', 'fr'] as const;
export type Lang = (typeof REQUIRED_LANGS)[number] | (typeof OPTIONAL_LANGS)[number];

/**
 * Mass factor keys. `desnz:*` are DESNZ 2024 "Material use" rows (per kg of item);
 * `agb:<sous-groupe>` is an AGRIBALYSE 3.2 food sub-group (French name, as published).
 * The build script (scripts/build-data.ts) turns each key into a kg CO2e/kg figure with its source.
 */
export const DESNZ_MATERIALS = {
  'desnz:clothing': 'Clothing',
  'desnz:elec-it': 'Electrical items - IT',
  'desnz:elec-small': 'Electrical items - small',
  'desnz:elec-large': 'Electrical items - large',
  'desnz:elec-fridge': 'Electrical items - fridges and freezers',
  'desnz:batt-li': 'Batteries - Li ion',
  'desnz:batt-alk': 'Batteries - Alkaline',
  'desnz:plastic': 'Plastics: average plastics',
  'desnz:plastic-rigid': 'Plastics: average plastic rigid',
  'desnz:plastic-film': 'Plastics: average plastic film',
  'desnz:pet': 'Plastics: PET (incl. forming)',
  'desnz:paper': 'Paper and board: paper',
  'desnz:board': 'Paper and board: board',
  'desnz:glass': 'Glass',
  'desnz:wood': 'Wood',
  'desnz:tyres': 'Tyres',
  'desnz:metal': 'Metal: scrap metal',
  'desnz:aluminium': 'Metal: aluminium cans and foil (excl. forming)',
  'desnz:steel': 'Metal: steel cans',
  'desnz:food': 'Food and drink',
} as const;
export type DesnzMaterialKey = keyof typeof DESNZ_MATERIALS;

/** Title specs the estimator can scale a typical unit by (parsed cheaply from the title). */
export const SPECS = ['inches', 'mAh', 'GB', 'litres', 'kgPack', 'count'] as const;
export type Spec = (typeof SPECS)[number];

const keywordList = z.array(z.string().min(1)).min(1);

export const categorySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  parent: z.string().nullable(),
  names: z.object({ en: z.string().min(1), vi: z.string().min(1), zh: z.string().min(1) }),
  keywords: z
    .object({ en: keywordList, vi: keywordList, zh: keywordList })
    .extend(Object.fromEntries(OPTIONAL_LANGS.map((l) => [l, keywordList.optional()])) as Record<
      (typeof OPTIONAL_LANGS)[number],
      z.ZodOptional<typeof keywordList>
    >),
  /** 2017 NAICS-6 commodity for the EPA spend factor (inherited from the parent when absent). */
  naics: z.string().regex(/^\d{6}$/).optional(),
  /** Mass factor key (inherited from the parent when absent). */
  material: z.string().regex(/^(desnz|agb):.+$/).optional(),
  /** Typical weight of one item as sold, kg (inherited when absent). */
  typicalKg: z.number().positive().optional(),
  /** Size/spec the title may give; the typical unit is scaled by it. */
  spec: z.enum(SPECS).optional(),
  /** Typical value of the spec for the typical unit (e.g. 24 inches). */
  specTypical: z.number().positive().optional(),
});
export type CategoryDef = z.infer<typeof categorySchema>;

export const taxonomySchema = z.array(categorySchema).min(1);
