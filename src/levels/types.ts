/**
 * A level is data (DESIGN.md section 6): a scenario that builds the starting world, the actions the
 * player may use, goals evaluated against the simulated state (never against which buttons were
 * pressed), progressive hints, a reference solution, a deliberately wrong solution for tests, a
 * debrief that maps the story to AWS, and the star thresholds.
 */
import type { Call } from '../model/index.ts';

/** What the player may use. Panel ids the UI knows: the build forms and the disasters. */
export type PanelId =
  | 'territory'
  | 'plan'
  | 'develop'
  | 'decree'
  | 'drain'
  | 'disasters'
  | 'gate'
  | 'traffic'
  | 'renovation'
  | 'watchtower'
  | 'spells'
  | 'growth'
  | 'capacity';

/** One step of a solution: a call, or letting simulated time pass. */
export type SolutionStep = { call: Call; note?: string } | { advance: number; note?: string };

/** A goal as data; `check` is interpreted by src/model/goals.ts. */
export interface GoalSpec {
  id: string;
  /** In the story's words ("Raise 6 developments of the mill, one per territory"). */
  text: string;
  /** In AWS words ("Service mill: 6 RUNNING tasks on 6 distinct container instances"). */
  aws: string;
  check: GoalCheck;
}

/**
 * The goal union. State goals look at the world now; trajectory goals look at what happened since the
 * level began (folded tick by tick by the tracker in src/model/goals.ts). The engine owns the exact
 * union (see GoalCheck in src/model/goals.ts); levels only build values of it.
 */
export type GoalCheck = import('../model/goals/goals.ts').GoalCheck;

export interface Level {
  /** Stable id used in progress saves ("arrival", "first-territory", ...). */
  id: string;
  /** 1-based position in the campaign. */
  number: number;
  chapter: number;
  /** Story title ("The first territory"). */
  title: string;
  /** The AWS concept in a few words ("EC2 instance, ECS agent, the default cluster"). */
  concept: string;
  /** A short brief in the story's voice: a few short paragraphs. */
  brief: string[];
  scenario: {
    seed: number;
    region?: string;
    /** Calls that build the starting world (logged as setup, not undoable). */
    setup: Call[];
    /** Seconds to advance after the setup so the world is settled when the player arrives. */
    settle?: number;
    /** Where the camera starts: 'planet', 'region' or 'kingdom'. */
    place?: 'planet' | 'region' | 'kingdom';
  };
  /** Panels the player may open; the sandbox allows all. */
  allowed: PanelId[];
  /**
   * The Build section open when the level starts (one of `allowed`); by default the first allowed
   * section in the Build panel's order.
   */
  firstPanel?: PanelId;
  goals: GoalSpec[];
  /**
   * The final challenge (the crown): everything at once, with no hints. Chapters after it (the kingdom
   * grows) teach what comes once the basics are known.
   */
  final?: boolean;
  /** Progressive hints, gentlest first. Empty for the final challenge. */
  hints: string[];
  /** The reference solution, played by "show me" and by the level tests. */
  solution: SolutionStep[];
  /** A plausible wrong solution that must NOT reach every goal (tests). */
  wrongSolution: SolutionStep[];
  debrief: {
    /** Paragraphs mapping the analogy to AWS. */
    text: string[];
    /** The real CLI lines of what the player did. */
    cli: string[];
  };
  /**
   * Things the world does on its own during the level (a portal collapsing mid-renovation), played by
   * the store when due: see dueScriptedEvents in src/levels/script.ts. Optional.
   */
  script?: ScriptedEvent[];
  stars: {
    /** Thrift star: gold spent at most this (see goldSpent in src/model/goals.ts). */
    thriftGold: number;
    /** Safety star: at most this many failed requests and seconds below the desired count. */
    safetyFailedRequests: number;
    safetySecondsBelowDesired: number;
  };
}

/**
 * A call the world makes on its own, `delaySeconds` after a moment the goal tracker records: the level
 * start, the first new deployment of `service` since the level began, the first zone failure, or the
 * first scaling policy.
 * Calls (in solutions too) may name minted ids by reference (@instance/<zone>/<n>, see refs.ts).
 */
export interface ScriptedEvent {
  after: 'start' | 'newDeployment' | 'zoneFailed' | 'scalingPolicy';
  service?: string;
  delaySeconds: number;
  call: Call;
  note?: string;
}

export interface Chapter {
  number: number;
  title: string;
  /** One line on what the chapter teaches. */
  blurb: string;
}
