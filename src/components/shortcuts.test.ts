import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyInput } from './shortcuts';

const key = (k: string, target: KeyInput['target'] = { tagName: 'BODY' }, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('shortcutFor', () => {
  it('maps Space, S, R and ?', () => {
    expect(shortcutFor(key(' '))).toBe('toggle');
    expect(shortcutFor(key('s'))).toBe('step');
    expect(shortcutFor(key('S'))).toBe('step');
    expect(shortcutFor(key('r'))).toBe('reset');
    expect(shortcutFor(key('?'))).toBe('help');
    expect(shortcutFor(key('x'))).toBeNull();
  });
  it('never fires while typing in a field', () => {
    for (const tagName of ['INPUT', 'SELECT', 'TEXTAREA', 'input']) {
      expect(shortcutFor(key('s', { tagName }))).toBeNull();
      expect(shortcutFor(key(' ', { tagName }))).toBeNull();
    }
    expect(shortcutFor(key('r', { tagName: 'DIV', isContentEditable: true }))).toBeNull();
  });
  it('leaves modified keys and auto-repeat to the browser', () => {
    expect(shortcutFor(key('r', undefined, { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('s', undefined, { metaKey: true }))).toBeNull();
    expect(shortcutFor(key('s', undefined, { altKey: true }))).toBeNull();
    expect(shortcutFor(key(' ', undefined, { repeat: true }))).toBeNull();
  });
  it('Space on a focused button clicks the button only', () => {
    expect(shortcutFor(key(' ', { tagName: 'BUTTON' }))).toBeNull();
    expect(shortcutFor(key('s', { tagName: 'BUTTON' }))).toBe('step');
  });
});
