/**
 * The level panel (right column, above the Inspector): the level's title and brief, the live goal
 * checklist (each goal with a tick or a ring, never colour alone, its have/need and what is still
 * missing, in Nozama's or AWS's words by the Rosetta switch), the hints revealed one at a time,
 * "Show me" (restarts and plays the reference solution; stoppable), "Reset level" (confirmed), and
 * the map, and a glossary of the words the level uses, in plain words for a newcomer who has never
 * met AWS. In free play it says so, offers the map, and guides (src/ui/guide: what a canary needs,
 * and blueprints).
 */
import { goalMissingText } from '../../i18n/goal-words.ts';
import { glossaryFor } from '../../i18n/lexicon.ts';
import { resolveText } from '../../levels/refs.ts';
import type { GoalProgress, SimState } from '../../model/index.ts';
import type { GameStore, LevelState, NameMode } from '../../store/create-game-store.ts';
import type { Component } from '../component.ts';
import { applyNames, button, frameScheduler, h, pick, setText, uid, words } from '../dom.ts';
import { createFreePlayGuide } from '../guide/free-play-guide.ts';
import { mark } from './stars.ts';

export interface LevelPanelOptions {
  onMap(): void;
}

function goalItem(
  goal: LevelState['def']['goals'][number],
  p: GoalProgress | undefined,
  mode: NameMode,
  sim: SimState,
) {
  const done = p?.done === true;
  const count = p && p.need > 1 ? `${p.have} / ${p.need}` : null;
  const missing = !done && p?.missing ? goalMissingText(p.missing, mode) : null;
  return h(
    'li',
    { class: `goal ${done ? 'goal-done' : 'goal-open'}`, 'data-goal': goal.id, 'data-done': String(done) },
    mark(done, 'Done', 'Not yet'),
    h(
      'span',
      { class: 'goal-body' },
      h('span', { class: 'goal-text' }, words(resolveText(goal.text, sim), resolveText(goal.aws, sim), mode)),
      count ? h('span', { class: 'goal-count' }, ` (${count})`) : null,
      missing ? h('span', { class: 'goal-missing' }, `Still missing: ${missing}`) : null,
    ),
  );
}

export function bindLevelPanel(
  container: HTMLElement,
  store: GameStore,
  options: LevelPanelOptions,
): () => void {
  const titleId = uid('level-title');
  const kicker = h('p', { class: 'level-kicker' });
  const title = h('h2', { id: titleId, class: 'panel-title level-title', tabindex: -1 });
  const concept = h('p', { class: 'level-concept' });
  const brief = h('div', { class: 'level-brief' });
  const goalsSummary = h('p', { class: 'goals-summary', 'aria-live': 'polite' });
  const goals = h('ul', { class: 'goal-list', 'aria-label': 'Goals' });
  const hintList = h('ol', { class: 'hint-list', 'aria-label': 'Hints' });
  const glossaryList = h('dl', { class: 'glossary-list' });
  const glossary = h(
    'details',
    { class: 'level-glossary' },
    h('summary', { class: 'brief-summary' }, 'Words in this level, in plain words'),
    h(
      'p',
      { class: 'hint' },
      'This game teaches Amazon ECS (Elastic Container Service): the AWS service that runs your programs, packed as containers, on a group of computers and keeps them running. Nozama tells it as a story; the Rosetta switch at the top (Nozama, AWS, both) shows the real names.',
    ),
    glossaryList,
  );
  const hintButton = button('Show a hint', { class: 'button button-small hint-button' });
  const showHintId = uid('showme-hint');
  const showMe = button('Show me', { class: 'button button-small', 'aria-describedby': showHintId });
  const reset = button('Reset level', { class: 'button button-small button-danger' });
  const confirmYes = button('Yes, restart', { class: 'button button-small button-danger' });
  const confirmNo = button('Keep playing', { class: 'button button-small' });
  const confirm = h(
    'div',
    { class: 'confirm level-confirm', role: 'group', 'aria-label': 'Confirm level reset' },
    h('p', {}, 'Restart the level from its beginning? Hints stay revealed.'),
    confirmYes,
    confirmNo,
  );
  confirm.hidden = true;
  const mapButton = button('Campaign map', { class: 'button button-small' });
  const status = h('p', { class: 'level-status-line', role: 'status' });
  const doneBanner = h('p', { class: 'level-done', role: 'status' });

  const levelBody = h(
    'div',
    { class: 'level-body' },
    kicker,
    title,
    concept,
    h('h3', { class: 'level-subtitle' }, words('Goals', 'Goals')),
    goalsSummary,
    goals,
    doneBanner,
    h(
      'details',
      { class: 'level-brief-box', open: true },
      h('summary', { class: 'brief-summary' }, 'The brief'),
      brief,
    ),
    h('h3', { class: 'level-subtitle' }, 'Hints'),
    hintList,
    h('div', { class: 'row-buttons' }, hintButton),
    glossary,
    h('div', { class: 'row-buttons level-actions' }, showMe, reset, mapButton),
    h(
      'p',
      { class: 'hint', id: showHintId },
      'Show me restarts the level and plays a solution; watch it on the clock.',
    ),
    confirm,
    status,
  );
  const freeTitleId = uid('free-title');
  const freeMap = button('Campaign map', { class: 'button button-small' });
  const freeBody = h(
    'div',
    { class: 'level-body' },
    h('h2', { id: freeTitleId, class: 'panel-title' }, 'Free play'),
    h(
      'p',
      { class: 'hint' },
      'Every panel is open and there are no goals. The campaign teaches one idea per level.',
    ),
    h('div', { class: 'row-buttons' }, freeMap),
  );
  // Free play's guide lives while free play is on screen (its subscriptions go with it).
  let guide: Component | null = null;
  const section = h('section', { class: 'level-panel', 'data-role': 'level-panel' });
  container.append(section);

  let lastKey = '';
  let lastLevelId: string | null | undefined;
  const render = () => {
    const { level, ui } = store.getState();
    const mode = ui.names;
    if ((level?.id ?? null) !== lastLevelId) {
      lastLevelId = level?.id ?? null;
      lastKey = '';
      confirm.hidden = true;
      reset.hidden = false;
      setText(status, '');
      guide?.destroy();
      guide?.root.remove();
      guide = null;
      if (level) {
        section.setAttribute('aria-labelledby', titleId);
        section.replaceChildren(levelBody);
        setText(kicker, `Chapter ${level.def.chapter} · Level ${level.def.number}`);
        setText(title, level.def.title);
        setText(concept, level.def.concept);
        brief.replaceChildren(
          ...level.def.brief.map((p) => h('p', {}, resolveText(p, store.getState().sim))),
        );
        const said = [
          level.def.concept,
          ...level.def.brief,
          ...level.def.goals.map((g) => g.text),
          ...level.def.hints,
        ].join('\n');
        glossaryList.replaceChildren(
          ...glossaryFor(said, ['fargate']).flatMap((g) => [
            h('dt', { class: 'glossary-term' }, g.nozama === g.aws ? g.aws : `${g.nozama} · ${g.aws}`),
            h('dd', { class: 'glossary-plain' }, g.plain),
          ]),
        );
        glossary.open = level.def.chapter === 1;
      } else {
        section.setAttribute('aria-labelledby', freeTitleId);
        guide = createFreePlayGuide(store);
        freeBody.append(guide.root);
        section.replaceChildren(freeBody);
      }
    }
    if (!level) {
      guide?.update(mode);
      return;
    }
    const key = JSON.stringify([
      mode,
      level.progress,
      level.hintsShown,
      level.done,
      level.demo !== null,
      level.assisted,
    ]);
    if (key === lastKey) return;
    lastKey = key;
    applyNames(levelBody, mode);
    const byId = new Map(level.progress.map((p) => [p.id, p]));
    // Level text may name the player's things by reference (src/levels/refs.ts): show their real ids.
    const sim = store.getState().sim;
    goals.replaceChildren(...level.def.goals.map((g) => goalItem(g, byId.get(g.id), mode, sim)));
    const met = level.progress.filter((p) => p.done).length;
    setText(goalsSummary, `${met} of ${level.def.goals.length} goals met`);
    setText(
      doneBanner,
      level.done
        ? level.assisted
          ? '✔ Solved by "Show me". Reset the level and play it yourself to earn stars.'
          : '✔ Level complete!'
        : '',
    );
    doneBanner.hidden = !level.done;
    hintList.replaceChildren(
      ...level.def.hints
        .slice(0, level.hintsShown)
        .map((t) => h('li', { class: 'hint-item' }, resolveText(t, sim))),
    );
    hintList.hidden = level.hintsShown === 0;
    const left = level.def.hints.length - level.hintsShown;
    hintButton.disabled = left === 0;
    setText(
      hintButton,
      level.def.hints.length === 0
        ? 'No hints in this level'
        : left === 0
          ? 'No more hints'
          : `Show a hint (${level.hintsShown + 1} of ${level.def.hints.length})`,
    );
    showMe.disabled = level.def.solution.length === 0;
    setText(showMe, level.demo ? 'Stop showing' : 'Show me');
    showMe.setAttribute('aria-pressed', String(level.demo !== null));
  };

  hintButton.addEventListener('click', () => {
    store.getState().showHint();
    render();
    hintList.lastElementChild?.setAttribute('tabindex', '-1');
    (hintList.lastElementChild as HTMLElement | null)?.focus();
  });
  showMe.addEventListener('click', () => {
    const s = store.getState();
    if (s.level?.demo) {
      s.stopShowMe();
      setText(status, 'Stopped. The world is yours again.');
    } else if (s.showMe()) {
      setText(
        status,
        pick('Watch: the solution plays on the clock.', 'Playing the reference solution.', s.ui.names),
      );
    }
  });
  reset.addEventListener('click', () => {
    confirm.hidden = false;
    reset.hidden = true;
    confirmYes.focus();
  });
  const closeConfirm = () => {
    confirm.hidden = true;
    reset.hidden = false;
    reset.focus();
  };
  confirmNo.addEventListener('click', closeConfirm);
  confirmYes.addEventListener('click', () => {
    store.getState().reset();
    closeConfirm();
    setText(status, 'The level starts over.');
  });
  mapButton.addEventListener('click', () => options.onMap());
  freeMap.addEventListener('click', () => options.onMap());

  const scheduler = frameScheduler(render);
  const offs = [
    store.subscribe((s) => s.level, scheduler.schedule),
    store.subscribe((s) => s.ui.names, scheduler.schedule),
  ];
  render();
  return () => {
    scheduler.cancel();
    guide?.destroy();
    for (const off of offs) off();
    section.remove();
  };
}
