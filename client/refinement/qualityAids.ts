/**
 * The one lazily loaded module behind the story-quality section and the
 * story assistant. Both need wink-nlp and its 4 MB English model; reached
 * through one dynamic import, the model has a single importer and stays in
 * this chunk. Two separate dynamic imports made the bundler hoist it into a
 * chunk shared with the board, which then loaded it on every visit.
 */
export { default as QualitySection } from './QualitySection.js';
export { StoryAssistantDialog } from './StoryAssistantDialog.js';
