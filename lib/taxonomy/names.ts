import { CATEGORIES } from './categories';
import type { CategoryDef } from './schema';

let byId: Map<string, CategoryDef> | null = null;

/** A category's name in the UI language (vi, zh, else en); the id when there is no such category. */
export function categoryName(id: string, locale: string): string {
  byId ??= new Map(CATEGORIES.map((c) => [c.id, c]));
  const cat = byId.get(id);
  if (!cat) return id;
  const lang = locale.toLowerCase().split(/[-_]/)[0];
  return lang === 'vi' ? cat.names.vi : lang === 'zh' ? cat.names.zh : cat.names.en;
}
