// A student's progress, kept in this browser (localStorage): the checks of each lesson ever met and
// the lessons completed. Storage that is missing, full or blocked (private mode, a sandboxed frame)
// must not break the page: progress then lives in memory for this visit.

export interface Progress {
  /** Lesson id → indices (0-based) of the checks ever met. */
  checks: Record<string, number[]>;
  /** Ids of the lessons whose checks were all met. */
  completed: string[];
}

export const PROGRESS_KEY = 'tuning-playground.lessons.v1';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Reading `localStorage` itself throws where storage is blocked.
    return null;
  }
}

const empty = (): Progress => ({ checks: {}, completed: [] });

/** A value read back from storage, kept only as far as it has the right shape. */
function sanitize(v: unknown): Progress {
  const out = empty();
  if (!v || typeof v !== 'object') return out;
  const o = v as { checks?: unknown; completed?: unknown };
  if (o.checks && typeof o.checks === 'object') {
    for (const [id, list] of Object.entries(o.checks as Record<string, unknown>)) {
      if (Array.isArray(list)) out.checks[id] = list.filter((n): n is number => Number.isInteger(n) && n >= 0);
    }
  }
  if (Array.isArray(o.completed)) out.completed = o.completed.filter((x): x is string => typeof x === 'string');
  return out;
}

export class ProgressStore {
  private memory: Progress | null = null;
  private listeners = new Set<() => void>();

  constructor(private storage: () => Storage | null = defaultStorage) {}

  /** The progress now (a new object after each change, so React can compare). */
  get(): Progress {
    if (this.memory) return this.memory;
    let read = empty();
    try {
      const raw = this.storage()?.getItem(PROGRESS_KEY);
      if (raw) read = sanitize(JSON.parse(raw));
    } catch {
      // Unreadable or not JSON: start over.
    }
    this.memory = read;
    return read;
  }

  private save(next: Progress): void {
    this.memory = next;
    try {
      this.storage()?.setItem(PROGRESS_KEY, JSON.stringify(next));
    } catch {
      // Full or blocked: kept in memory for this visit.
    }
    for (const l of this.listeners) l();
  }

  /** Records that check `index` of lesson `id` was met; `complete` when all its checks are. */
  markCheck(id: string, index: number): void {
    const p = this.get();
    const had = p.checks[id] ?? [];
    if (had.includes(index)) return;
    this.save({ ...p, checks: { ...p.checks, [id]: [...had, index].sort((a, b) => a - b) } });
  }

  markCompleted(id: string): void {
    const p = this.get();
    if (p.completed.includes(id)) return;
    this.save({ ...p, completed: [...p.completed, id] });
  }

  isCompleted(id: string): boolean {
    return this.get().completed.includes(id);
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

export const progress = new ProgressStore();
