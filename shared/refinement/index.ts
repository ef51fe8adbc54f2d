/** The refinement aids (issue 14), each documented in docs/refinement-aids.md. */
export { retrievalText, retrievalTerms, retrievalWords, type RetrievalWord } from './tokens.js';
export {
  createSimilarityIndex,
  DEFAULT_SIMILARITY_PARAMETERS,
  type SimilarityIndex,
  type SimilarityItem,
  type SimilarityQuery,
  type SimilarityHit,
  type SimilarityOptions,
  type SimilarityParameters,
  type FieldParameters,
  type SimilarityField,
} from './similarity.js';
export {
  storyQuality,
  storyTemplate,
  parseStory,
  dismissQualityCheck,
  restoreQualityCheck,
  readDismissedChecks,
  QUALITY_CHECKS,
  QUALITY_CHECK_KINDS,
  DEFAULT_QUALITY_CHECKS,
  DEFAULT_STORY_TEMPLATE,
  QUALITY_DISMISSED_PREFIX,
  type QualityCheck,
  type QualityFinding,
  type QualityOptions,
  type StoryTemplate,
  type StoryParts,
} from './quality.js';
export { proposeStory, commonRoles, storyTitle, roleArticle, hasBlank, type StoryProposal } from './story-assistant.js';
export { mergeDuplicate } from './merge.js';
export {
  createEstimator,
  ESTIMATOR_DEFAULTS,
  DEFAULT_POINTS_DECK,
  type Estimator,
  type EstimatorOptions,
  type EstimateHistoryItem,
  type EstimateSuggestion,
  type EstimateNeighbour,
  type EstimateBacktest,
  type EstimateBasis,
  type EstimateWeighting,
} from './estimator.js';
