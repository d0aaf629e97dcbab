/**
 * The feed API (`infomipyme-widgets/feed`): the contract, tolerant parsing,
 * language picking, summaries, the loader and feeds split by country. Works
 * in the browser and in Node.
 */
export * from './schema.js';
export * from './parse.js';
export * from './text.js';
export * from './summary.js';
export * from './load.js';
export * from './split.js';
export { feedCache, setFeedCache, type FeedCacheStore, type CachedFeed } from './cache.js';
export * from './publishers.js';
