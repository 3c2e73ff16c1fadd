// The link and the config, both ways, with a stand-in address bar: the page starts from the hash,
// every new config is written back by the store subscription, an edited hash is applied through
// the given function, and the address bar always ends up showing the config in use.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import type { TableView } from '../shared/protocol';
import { configToHash } from '../shared/schema';
import { useStore } from '../store/store';
import { syncUrl } from './urlSync';

const initial = useStore.getState();
const s = () => useStore.getState();

let bar: { hash: string };
let writes: string[];
let applied: ExperimentConfig[];
let stop: () => void = () => {};

/** The page's changeConfig, as far as the link is concerned: the store's one action. */
const apply = (config: ExperimentConfig) => {
  applied.push(config);
  s().applyConfig(config);
  return Promise.resolve();
};

/** Edits the address bar by hand: the browser changes the hash, then fires hashchange. */
function edit(hash: string): void {
  bar.hash = hash;
  window.dispatchEvent(new Event('hashchange'));
}

const messages = (topic: string) => s().messages.filter((m) => m.topic === topic).map((m) => m.text);

beforeEach(() => {
  useStore.setState(initial, true);
  bar = { hash: '' };
  writes = [];
  applied = [];
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('location', bar);
  vi.stubGlobal('history', {
    replaceState: (_state: unknown, _title: string, url: string) => {
      writes.push(url);
      bar.hash = url;
    },
  });
});

afterEach(() => {
  stop();
  vi.unstubAllGlobals();
});

describe('link → config', () => {
  it('the page starts from the hash, and the address bar shows the whole config in use', () => {
    bar.hash = '#lr=0.1&layers=8';
    stop = syncUrl(apply);
    expect(s().config).toEqual({ ...DEFAULT_CONFIG, lr: 0.1, layers: [8], activations: ['tanh'], dropout: [0], batchnorm: [false] });
    expect(bar.hash).toBe(configToHash(s().config));
    expect(messages('hash')).toEqual([]);
  });

  it('refused values on load fall back with a notice and never stay in the address bar', () => {
    bar.hash = '#lr=abc&batch=25&dataset=upload';
    stop = syncUrl(apply);
    expect(s().config).toEqual({ ...DEFAULT_CONFIG, batch: 25 });
    expect(bar.hash).toBe(configToHash(s().config));
    expect(bar.hash).not.toContain('abc');
    expect(messages('hash')[0]).toContain('Learning rate must be a number');
    expect(messages('hash')[0]).toContain('needs a CSV file');
  });

  it('an edited hash is applied through the client, and the address bar rewritten to the config in use', () => {
    stop = syncUrl(apply);
    edit('#lr=0.3&optimizer=adam');
    expect(applied).toHaveLength(1);
    expect(s().config).toMatchObject({ lr: 0.3, optimizer: 'adam', layers: DEFAULT_CONFIG.layers });
    expect(bar.hash).toBe(configToHash(s().config));
  });

  it('an edited hash whose bad value falls back to what is in use is still rewritten, with a notice', () => {
    stop = syncUrl(apply);
    const before = s().config;
    const shown = bar.hash;
    edit(shown.replace(/lr=[^&]*/, 'lr=0x10'));
    expect(s().config).toBe(before);
    expect(bar.hash).toBe(shown);
    expect(messages('hash')[0]).toContain('lr: Learning rate must be a number written in decimal digits');
  });

  it('a link that parses but cannot apply keeps the current setup, says why, and shows what is in use', () => {
    stop = syncUrl(apply);
    s().applyConfig({ dataset: 'iris' });
    useStore.setState({ table: { name: 'iris', numericInputs: ['a', 'b', 'c', 'd'] } as unknown as TableView });
    const before = s().config;
    edit(configToHash({ ...before, slice: [2, 7], lr: 0.2 }));
    expect(s().config).toBe(before);
    expect(messages('hash-apply')[0]).toContain('The link could not be applied: slice: iris has 4 numeric inputs');
    expect(bar.hash).toBe(configToHash(before));
  });

  it('the hash the page itself wrote is not applied again', () => {
    stop = syncUrl(apply);
    s().applyConfig({ lr: 0.2 });
    window.dispatchEvent(new Event('hashchange'));
    expect(applied).toEqual([]);
  });
});

describe('config → link', () => {
  it('every new config is written into the address bar by the store subscription, and only then', () => {
    stop = syncUrl(apply);
    writes.length = 0;
    s().applyConfig({ lr: 0.2, layers: [3] });
    expect(writes).toEqual([configToHash(s().config)]);
    s().applyConfig({ lr: 0.2 }); // nothing changed: nothing written
    s().say('x', 'info', 'unrelated');
    expect(writes).toHaveLength(1);
  });

  it('stops writing once stopped', () => {
    stop = syncUrl(apply);
    stop();
    writes.length = 0;
    s().applyConfig({ lr: 0.2 });
    edit('#lr=0.5');
    expect(writes).toEqual([]);
    expect(applied).toEqual([]);
  });
});
