/**
 * The embed's edges: attributes (or iframe query) read into options with defaults and named problems;
 * the code a blogger pastes, escaped; the iframe's message API accepting only well-formed commands and
 * only full origins in its allow list.
 */
import { describe, expect, it } from 'vitest';
import { readEmbedOptions } from '../../src/embed/embed-options.ts';
import { allowedOrigins, parseCommand } from '../../src/embed/messages.ts';
import { embedSnippets } from '../../src/store/embed-code.ts';

const from = (attrs: Record<string, string>) => readEmbedOptions((n) => attrs[n] ?? null);

describe('embed options', () => {
  it('default to an empty sandbox, paused until played, play controls, Nozama words', () => {
    expect(from({})).toEqual({
      options: {
        source: { kind: 'sandbox', seed: 1 },
        autoplay: false,
        speed: 1,
        controls: 'play',
        words: 'nozama',
        height: null,
      },
      problems: [],
    });
  });

  it('read every attribute; a world wins over a level, a level over a demo', () => {
    const r = from({
      demo: 'canary',
      level: 'arrival',
      world: 'https://x.org/#world=1.abc',
      autoplay: '',
      speed: '16',
      controls: 'none',
      words: 'both',
      height: '480',
    });
    expect(r.problems).toEqual([]);
    expect(r.options).toEqual({
      source: { kind: 'world', link: 'world=1.abc' },
      autoplay: true,
      speed: 16,
      controls: 'none',
      words: 'both',
      height: '480px',
    });
    expect(from({ demo: 'canary', level: 'arrival' }).options.source).toEqual({
      kind: 'level',
      id: 'arrival',
    });
    expect(from({ demo: 'canary', seed: '9' }).options.source).toEqual({ kind: 'demo', id: 'canary' });
    expect(from({ seed: '9' }).options.source).toEqual({ kind: 'sandbox', seed: 9 });
  });

  it('name what is wrong and fall back to the defaults', () => {
    const r = from({
      seed: '-1',
      speed: '3',
      controls: 'all',
      words: 'fr',
      height: '50vw; color: red',
      autoplay: 'false',
    });
    expect(r.options).toMatchObject({
      speed: 1,
      controls: 'play',
      words: 'nozama',
      height: null,
      autoplay: false,
    });
    expect(r.options.source).toEqual({ kind: 'sandbox', seed: 1 });
    expect(r.problems).toEqual([
      'seed "-1" is not a whole number from 0 to 4294967295',
      'speed "3" is not one of 1, 4, 16, 64',
      'controls "all" is not none, play or full',
      'words "fr" is not nozama, aws or both',
      'height "50vw; color: red" is not a length such as 400px',
    ]);
  });
});

describe('embed code', () => {
  it('is a script tag and the element, or an iframe, pointing at the host', () => {
    const code = embedSnippets('https://me.github.io/nozama', {
      demo: 'canary',
      autoplay: true,
      controls: 'play',
    });
    expect(code.script).toBe(
      '<script type="module" src="https://me.github.io/nozama/embed.js"></script>\n<nozama-demo demo="canary" autoplay controls="play"></nozama-demo>',
    );
    expect(code.iframe).toContain(
      'src="https://me.github.io/nozama/embed.html?demo=canary&amp;autoplay=1&amp;controls=play"',
    );
  });

  it('escapes what it puts in attributes', () => {
    const code = embedSnippets('https://h/', { world: 'world=1."><script>' });
    expect(code.script).toContain('world="world=1.&quot;&gt;&lt;script&gt;"');
    expect(code.iframe).not.toContain('"><script>');
  });
});

describe('the iframe message API', () => {
  it('takes only full http(s) origins in its allow list', () => {
    expect(allowedOrigins('https://blog.example.org, http://127.0.0.1:5909')).toEqual([
      'https://blog.example.org',
      'http://127.0.0.1:5909',
    ]);
    expect(allowedOrigins('*,https://a.org/path,javascript:alert(1),file:///x,blog.org')).toEqual([]);
    expect(allowedOrigins(null)).toEqual([]);
  });

  it('accepts the documented commands and nothing else', () => {
    expect(parseCommand({ nozama: 1, command: 'pause' })).toEqual({ nozama: 1, command: 'pause' });
    expect(parseCommand({ nozama: 1, command: 'speed', value: 16 })).toEqual({
      nozama: 1,
      command: 'speed',
      value: 16,
    });
    expect(parseCommand({ nozama: 1, command: 'step', value: 5 })).toMatchObject({
      command: 'step',
      value: 5,
    });
    for (const bad of [
      null,
      'pause',
      { command: 'pause' },
      { nozama: 2, command: 'pause' },
      { nozama: 1, command: 'eval' },
      { nozama: 1, command: 'speed', value: 3 },
      { nozama: 1, command: 'step', value: 10_000 },
    ])
      expect(parseCommand(bad)).toBeNull();
  });
});
