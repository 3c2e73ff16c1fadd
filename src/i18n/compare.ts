// Compares two languages' resources key by key (used by parity.test.ts and the lesson files' test).
export type Tree = { [k: string]: string | string[] | Tree };

/** key path → string, for every leaf. */
export function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else if (Array.isArray(v)) v.forEach((s, i) => out.set(`${path}.${i}`, s));
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

export function compareLanguages(a: Tree, b: Tree): string[] {
  const la = leaves(a);
  const lb = leaves(b);
  const problems: string[] = [];
  for (const [k, v] of la) {
    if (!lb.has(k)) problems.push(`${k}: no Chinese text`);
    else if (lb.get(k)!.trim() === '' && v.trim() !== '') problems.push(`${k}: empty Chinese text`);
    else if (placeholders(v).join() !== placeholders(lb.get(k)!).join()) problems.push(`${k}: placeholders differ (${placeholders(v)} vs ${placeholders(lb.get(k)!)})`);
  }
  for (const k of lb.keys()) if (!la.has(k)) problems.push(`${k}: no English text`);
  return problems;
}

