/**
 * embed.html: the same demo as `<nozama-demo>`, as a page for an iframe. Its query takes the element's
 * attributes (`embed.html?demo=canary&controls=play`) plus `allow=` for the message API (messages.ts).
 */
import type { Speed } from '../store/create-game-store.ts';
import { EMBED_ATTRIBUTES } from './embed-options.ts';
import { allowedOrigins, parseCommand } from './messages.ts';
import { defineNozamaDemo, type NozamaDemo } from './nozama-demo.ts';

defineNozamaDemo();
const params = new URLSearchParams(window.location.search);
const demo = document.createElement('nozama-demo') as NozamaDemo;
for (const name of EMBED_ATTRIBUTES) {
  const value = params.get(name);
  if (value !== null) demo.setAttribute(name, value);
}
demo.setAttribute('height', '100vh');
document.body.append(demo);

const origins = allowedOrigins(params.get('allow'));
const post = (message: Record<string, unknown>) => {
  if (window.parent === window) return;
  for (const origin of origins) window.parent.postMessage({ nozama: 1, ...message }, origin);
};
for (const name of ['ready', 'goal', 'rollback', 'error']) {
  demo.addEventListener(`nozama:${name}`, (e) =>
    post({ ...(e as CustomEvent<Record<string, unknown>>).detail }),
  );
}

window.addEventListener('message', (e: MessageEvent) => {
  if (!origins.includes(e.origin) || e.source !== window.parent) return;
  const command = parseCommand(e.data);
  if (!command) return;
  if (command.command === 'play') demo.play();
  else if (command.command === 'pause') demo.pause();
  else if (command.command === 'restart') demo.restart();
  else if (command.command === 'speed') demo.setSpeed(command.value as Speed);
  else if (command.command === 'step') demo.step(command.value);
  post({
    event: 'state',
    command: command.command,
    paused: demo.paused,
    speed: demo.speed,
    elapsed: demo.elapsed,
  });
});
