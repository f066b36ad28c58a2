export { createWatcher } from './watcher.js';
export { systemClock } from './clock.js';
export type { Clock } from './clock.js';
export { isCloseWatchRowId } from './close-watch.js';
export { compare } from './transitions.js';
export type { BlindReason, CheckChange, WatchedCheck, WatchedOutcome, WatchSnapshot } from './transitions.js';
export type {
  CheckStatus,
  CloseWatchRequest,
  CloseWatchStatus,
  RoomWatchStatus,
  WatchedTenantStatus,
  WatchEvent,
  Watcher,
  WatcherDeps,
  WatchLogger,
  WatchRequest,
} from './types.js';
