/**
 * The one lazily loaded module behind the story-quality section and the
 * story assistant, which both need wink-nlp and its 4 MB English model: one
 * chunk for both, so the model is fetched once. It stays out of the board's
 * path only while the build treats shared/refinement as free of side
 * effects (vite.config.ts); otherwise the bundler puts the model in a chunk
 * the board imports.
 */
export { default as QualitySection } from './QualitySection.js';
export { StoryAssistantDialog } from './StoryAssistantDialog.js';
