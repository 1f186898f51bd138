/**
 * The extract layer: article text → a draft encoding that the builder validates, and the evaluation of a
 * draft against a reviewed encoding.
 */
export { draftArticle, MAX_DRAFT_CHARS, MAX_DRAFT_SENTENCE_CHARS, type ArticleDraft, type ArticleMeta } from './draftArticle.js';
export { extractIntoDirectory, type ExtractOptions, type ExtractResult } from './writeDraft.js';
export type { ChatOptions } from './llm/chatClient.js';
export type { VerificationReport } from './llm/verifyAnswer.js';
export { quoteAt } from './quotes.js';
export { evaluateDirectories, evaluateGraphs, formatEvaluation, type Evaluation, type Score } from './evaluate.js';
