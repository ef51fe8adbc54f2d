/** Planning: sprints, capacity, velocity, cut lines and the Monte Carlo forecast. */
export {
  SPRINT_STATES,
  DEFAULT_FOCUS_FACTOR,
  sprintsMap,
  createSprint,
  updateSprint,
  setPersonDays,
  assignToSprint,
  startSprint,
  closeSprint,
  addPastSprint,
  setSprintExcluded,
  deleteSprint,
  MAX_SPRINT_POINTS,
  readSprints,
  itemPlace,
  scopeLeft,
  type SprintSnapshot,
  type SprintFields,
  type SprintState,
} from './sprints.js';
export {
  VELOCITY_SPRINTS,
  planningMap,
  expectedVelocity,
  unestimatedAs,
  setPlanning,
  velocity,
  pointsPerDay,
  sprintCapacity,
  assumedPoints,
  sprintLoad,
  cutLines,
  type Velocity,
} from './velocity.js';
export { forecastBacklog, type Forecast, type ForecastOptions } from './forecast.js';
export { seededRandom, type Random } from './random.js';
export { addDependency, removeDependency, dependencyCycles, orderWarnings, respectDependencies, sprintDependencyWarnings } from './dependencies.js';
export {
  groupItems,
  progress,
  groupForecast,
  comingSprintEnd,
  roadmap,
  roadmapRow,
  roadmapLine,
  roadmapMarkdown,
  progressText,
  dayText,
  type Progress,
  type Roadmap,
  type RoadmapForecast,
  type RoadmapOptions,
  type RoadmapRow,
  type RoadmapSprint,
  type RoadmapTheme,
} from './roadmap.js';
export { sprintBurnup, releaseBurnup, type SprintBurnup, type ReleaseBurnup, type ReleasePoint, type ReleaseBurnupOptions, type CoveredLines } from './burnup.js';
