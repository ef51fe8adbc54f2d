/** Prioritization: the frameworks a board scores with, their inputs on each item, and rank-by-score. */
export {
  SCORE_INPUTS,
  RICE_IMPACTS,
  RICE_IMPACT_NAMES,
  RELATIVE_SCALE,
  INPUT_LABELS,
  inputScale,
  effectiveJobSize,
  type ScoreInput,
  type ScoreInputs,
} from './inputs.js';
export {
  FRAMEWORKS,
  FRAMEWORK_NAMES,
  FRAMEWORK_INPUTS,
  QUADRANT_NAMES,
  QUADRANT_SPLIT,
  formatScore,
  isFramework,
  scoreItem,
  valueEffortQuadrant,
  type Framework,
  type Quadrant,
  type Score,
} from './frameworks.js';
export { boardFrameworks, setFramework, prioritizationMap } from './settings.js';
export { rankPreview, rankingMovedSince, applyRanking, type RankingPreview, type RankingMove } from './ranking.js';
